package io.newsflow.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.tag.ArticleTagger;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

class EnrichTopologyTaggingTest {

    private static final String HTML = """
            <html><head><title>Tillerson presses Beijing on North Korea</title></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Tillerson presses Beijing on North Korea</h1>
            <p>Secretary of State Rex Tillerson arrived in Beijing on Saturday for talks with Chinese leaders
            about North Korea, whose missile tests have alarmed its neighbours in the region.</p>
            <p>Tillerson said the United States and China shared the goal of a peninsula without nuclear
            weapons, and that Washington would keep open its channels to Pyongyang for now.</p>
            <p>Officials in Seoul and Tokyo welcomed the visit. Analysts said the talks would test whether
            Beijing was willing to tighten sanctions on its neighbour after months of pressure from Washington.</p>
            <p>The visit comes ahead of a trip to Asia by President Donald Trump later this year, when Trump is
            expected to meet leaders in Japan, South Korea and China.</p>
            </article><footer>Copyright</footer></body></html>""";

    @Test
    void tagsEveryArticleWithCountriesPersonsAndTheTaggerVersion() {
        StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, new EnrichConfig(NewsflowConfig.of(Map.of())), new SimpleMeterRegistry());
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "tagging-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, Page> pages = driver.createInputTopic(Topics.PAGES.name(),
                    Topics.PAGES.keySerde().serializer(), Topics.PAGES.valueSerde().serializer());
            TestOutputTopic<String, Article> articles = driver.createOutputTopic(Topics.ARTICLES.name(),
                    Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer());
            String url = "https://news.example/world/tillerson-beijing";
            pages.pipeInput(url, new Page(url, url, url, "news.example", Instant.parse("2017-10-01T00:00:00Z"), 200,
                    "text/html", "UTF-8", null, null, "0".repeat(64), false, HTML));
            Article article = articles.readValue();
            assertEquals(ArticleTagger.VERSION, article.taggerVersion());
            Set<String> codes = article.countries().stream().map(CountryTag::code).collect(Collectors.toSet());
            assertTrue(codes.containsAll(Set.of("CN", "KP", "US", "KR", "JP")), codes.toString());
            Set<String> names = article.persons().stream().map(PersonTag::name).collect(Collectors.toSet());
            assertTrue(names.containsAll(Set.of("Rex Tillerson", "Donald Trump")), names.toString());
            for (CountryTag c : article.countries()) {
                c.mentions().forEach(m -> assertEquals(m.surface(), article.text().substring(m.start(), m.end())));
            }
        }
    }
}
