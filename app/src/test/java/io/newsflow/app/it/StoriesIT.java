package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.reliability.Eventually;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.topology.EnrichService;
import io.newsflow.enrich.topology.EnrichTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story step on a real broker: pages of one story arrive on different partitions of
 * {@code newsflow.pages} and still meet, through the one-partition stories topic.
 */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class StoriesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final List<String> STORY = List.of(
            "Engineers at the Lindqvist observatory said on Thursday that the telescope's main mirror, cracked during "
                    + "an earthquake in the spring, has been recoated and will return to service next month.",
            "The repair took eleven weeks and required lifting the eight-tonne mirror out of its cell with a crane "
                    + "borrowed from the shipyard on the other side of the bay.",
            "Astronomers who had lost observing time were offered priority slots in the winter season, when the "
                    + "nights are longest and the air above the summit is driest.",
            "The observatory's director thanked the volunteers who catalogued the archive of photographic plates "
                    + "while the dome was closed, calling it the most useful shutdown in its history.",
            "A public open night is planned for the first clear Saturday after the telescope reopens.");

    private static final List<String> OTHER = List.of(
            "The city council approved a plan on Wednesday to plant four thousand trees along the ring road over the "
                    + "next three years, paid for by a levy on new car parks.",
            "Residents' associations asked that species be chosen for shade and drought resistance, and that the "
                    + "planting start in the districts with the fewest parks.",
            "The first saplings are due in March, once the nurseries on the river plain have confirmed their stock.");

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void copiesOnOtherPartitionsJoinTheStoryOfTheFirstArticle(EmbeddedKafka kafka) throws Exception {
        String run = UUID.randomUUID().toString();
        String appId = "enrich-stories-" + run;
        String first = "https://wire-" + run + ".example/observatory-mirror-repaired";
        List<String> copies = List.of("https://daily-" + run + ".example/news/telescope-back",
                "https://herald-" + run + ".example/science/mirror-recoated",
                "https://post-" + run + ".example/2026/observatory");
        String other = "https://council-" + run + ".example/trees";

        NewsflowConfig config = NewsflowConfig.of(Map.of(
                CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                CommonConfig.DATA_DIR, dir.toString(),
                EnrichConfig.APPLICATION_ID, appId,
                EnrichConfig.COMMIT_INTERVAL_MS, 100L));
        try (EnrichService service = new EnrichService(new EnrichConfig(config), config.kafkaClientProperties(),
                new SimpleMeterRegistry());
                KafkaProducer<String, Page> producer = new KafkaProducer<>(props(kafka), Topics.PAGES.keySerde().serializer(),
                        Topics.PAGES.valueSerde().serializer())) {
            service.start();
            producer.send(record(first, html("Observatory mirror repaired", STORY, ""))).get();
            awaitArticles(kafka, List.of(ArticleId.of(first)));
            for (int i = 0; i < copies.size(); i++) {
                List<String> cut = STORY.subList(0, STORY.size() - i);
                producer.send(record(copies.get(i), html("Telescope back in service (" + i + ")", cut,
                        "This story was distributed by the Wire."))).get();
            }
            producer.send(record(other, html("Four thousand trees for the ring road", OTHER, ""))).get();
            List<String> ids = new ArrayList<>(copies.stream().map(ArticleId::of).toList());
            ids.add(ArticleId.of(first));
            ids.add(ArticleId.of(other));
            Map<String, Article> out = awaitArticles(kafka, ids);

            assertEquals(ArticleId.of(first), out.get(ArticleId.of(first)).storyId());
            assertNull(out.get(ArticleId.of(first)).storyOverlap());
            for (String copy : copies) {
                Article article = out.get(ArticleId.of(copy));
                assertEquals(ArticleId.of(first), article.storyId(), copy);
                assertNotNull(article.storyOverlap());
                assertTrue(article.storyOverlap() >= 0.4, copy + " overlap " + article.storyOverlap());
            }
            assertEquals(ArticleId.of(other), out.get(ArticleId.of(other)).storyId());
            assertNotEquals(1, partitionsOf(kafka, Topics.PAGES.name()), "the test needs pages on several partitions");
            assertEquals(1, partitionsOf(kafka, appId + "-" + EnrichTopology.STORIES_REPARTITION + "-repartition"));
        }
    }

    private static ProducerRecord<String, Page> record(String url, String html) {
        return new ProducerRecord<>(Topics.PAGES.name(), url, new Page(url, url, url, "it", Instant.now(), 200, "text/html",
                "UTF-8", null, null, ArticleId.sha256Hex(html), false, html));
    }

    private static String html(String title, List<String> paragraphs, String credit) {
        StringBuilder html = new StringBuilder("<html lang=\"en\"><head><title>" + title + "</title></head><body><article><h1>"
                + title + "</h1>");
        paragraphs.forEach(p -> html.append("<p>").append(p).append("</p>"));
        if (!credit.isEmpty()) {
            html.append("<p><em>").append(credit).append("</em></p>");
        }
        return html.append("</article></body></html>").toString();
    }

    /** The latest article of each id, once all of them are on the topic (read_committed). */
    private static Map<String, Article> awaitArticles(EmbeddedKafka kafka, List<String> ids) throws Exception {
        Map<String, Article> seen = new HashMap<>();
        Properties props = props(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.ARTICLES.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            return Eventually.await("articles " + ids, WAIT, () -> {
                for (ConsumerRecord<String, Article> r : consumer.poll(Duration.ofMillis(200))) {
                    if (ids.contains(r.key())) {
                        seen.put(r.key(), r.value());
                    }
                }
                return seen;
            }, s -> s.keySet().containsAll(ids));
        }
    }

    private static int partitionsOf(EmbeddedKafka kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(props(kafka))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    private static Properties props(EmbeddedKafka kafka) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return props;
    }
}
