package io.newsflow.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.EntityMention;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.PersonForm;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The person registry through the topology: learned on newsflow.persons, read back by the tag step. */
class PersonRegistryTopologyTest {

    private static final String CLINTON_ALONE = "Former President Clinton said on Wednesday that the foundation would "
            + "continue its work. Clinton spoke in New York.";

    private TopologyTestDriver driver;
    private TestInputTopic<String, Page> pages;
    private TestOutputTopic<String, Article> articles;
    private TestOutputTopic<String, PersonForm> persons;
    private TestOutputTopic<String, EntityMention> mentions;
    private int fetched;

    @BeforeEach
    void start() {
        StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, new EnrichConfig(NewsflowConfig.of(Map.of())), new SimpleMeterRegistry());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "person-registry-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
        driver = new TopologyTestDriver(builder.build(), props);
        pages = driver.createInputTopic(Topics.PAGES.name(), Topics.PAGES.keySerde().serializer(),
                Topics.PAGES.valueSerde().serializer());
        articles = driver.createOutputTopic(Topics.ARTICLES.name(), Topics.ARTICLES.keySerde().deserializer(),
                Topics.ARTICLES.valueSerde().deserializer());
        persons = driver.createOutputTopic(Topics.PERSONS.name(), Topics.PERSONS.keySerde().deserializer(),
                Topics.PERSONS.valueSerde().deserializer());
        mentions = driver.createOutputTopic(Topics.MENTIONS.name(), Topics.MENTIONS.keySerde().deserializer(),
                Topics.MENTIONS.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private Article publish(String slug, String... paragraphs) {
        fetch(slug, paragraphs);
        return articles.readValue();
    }

    private void fetch(String slug, String... paragraphs) {
        String url = "https://news.example/world/" + slug;
        StringBuilder html = new StringBuilder("<html><head><title>World news</title></head><body><article><h1>World news</h1>");
        for (String p : paragraphs) {
            html.append("<p>").append(p).append("</p>\n");
        }
        html.append("</article></body></html>");
        pages.pipeInput(url, new Page(url, url, url, "news.example", Instant.parse("2017-10-01T00:00:00Z").plusSeconds(fetched++),
                200, "text/html", "UTF-8", null, null, "0".repeat(64), false, html.toString()));
    }

    private static String idOf(Article article, String name) {
        for (PersonTag p : article.persons()) {
            if (p.name().equals(name)) {
                return p.entityId();
            }
        }
        throw new AssertionError(name + " not among " + article.persons());
    }

    @Test
    void bareNamesJoinTheOnePersonKnownByThemAndStayApartOnceTwoAre() {
        publish("clinton-foundation", "Former President Bill Clinton spoke at the event on Tuesday in New York. "
                + "Clinton said the foundation would grow.");
        publish("xi-visitors", "Chinese President Xi Jinping met the visitors in Beijing on Friday. Xi said that China "
                + "would keep its promises, and Xi's aides said more talks would follow.");
        Map<String, String> learned = persons.readKeyValuesToList().stream()
                .collect(Collectors.toMap(kv -> kv.key, kv -> kv.value.entityId(), (a, b) -> a));
        assertEquals("person:bill-clinton", learned.get("clinton|person:bill-clinton"), learned.toString());
        assertEquals("person:xi-jinping", learned.get("xi|person:xi-jinping"), learned.toString());
        KeyValueStore<String, PersonForm> store = driver.getKeyValueStore(EnrichTopology.PERSON_STORE);
        assertEquals("Bill Clinton", store.get("clinton|person:bill-clinton").name(), "the global store reads what enrich publishes");
        mentions.readKeyValuesToList();

        Article bare = publish("clinton-speech", CLINTON_ALONE);
        assertEquals("person:bill-clinton", idOf(bare, "Clinton"));
        assertTrue(mentions.readKeyValuesToList().stream().anyMatch(kv -> kv.key.equals("person:bill-clinton")),
                "the mention record is keyed by the linked id");
        assertEquals("person:xi-jinping", idOf(publish("xi-invitation", "President Xi is expected to visit Washington later "
                + "in the year. Xi said on Monday that he welcomed the invitation."), "Xi"), "a form learned in an article");

        publish("hillary-clinton-beijing", "Secretary of State Hillary Clinton arrived in Beijing on Saturday for talks. "
                + "Clinton said the talks went well.");
        Article ambiguous = publish("clinton-speech-again", CLINTON_ALONE);
        assertEquals("person:clinton", idOf(ambiguous, "Clinton"), "two known Clintons: the bare name joins neither");
    }

    @Test
    void aRefetchTheRegistryWouldNowLinkDifferentlyIsNoNewVersion() {
        Article first = publish("clinton-speech", CLINTON_ALONE);
        assertEquals("person:clinton", idOf(first, "Clinton"));
        publish("clinton-foundation", "Former President Bill Clinton spoke at the event on Tuesday in New York. "
                + "Clinton said the foundation would grow.");

        fetch("clinton-speech", CLINTON_ALONE);

        assertTrue(articles.isEmpty(), "the unchanged page keeps the version, and the ids, it had");
    }
}
