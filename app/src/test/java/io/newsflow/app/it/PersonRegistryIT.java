package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.testing.TopicContents;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.topology.EnrichService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The person registry on a real broker: what one enrich job learns reaches, through
 * {@code newsflow.persons} and the global store, every instance and partition of another.
 */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class PersonRegistryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String FACT = "quillfeather|person:marta-quillfeather";

    @TempDir
    Path dir;

    @Test
    @Timeout(150)
    void aBareNameIsLinkedAlikeOnEveryPartitionOfTwoInstances(EmbeddedKafka kafka) throws Exception {
        String site = "https://it-" + UUID.randomUUID() + ".example/";
        EnrichService teacher = instance(kafka, "enrich-teach-" + UUID.randomUUID(), "teacher");
        try {
            teacher.start();
            publish(kafka, List.of(site + "full-name"), "Former President Marta Quillfeather spoke at the event on Tuesday in "
                    + "New York. Quillfeather said the foundation would grow.");
            Awaitility.await("the registry fact on " + Topics.PERSONS.name()).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> TopicContents.read(kafka.bootstrapServers(), Topics.PERSONS.name(), new StringDeserializer(),
                            Topics.PERSONS.valueSerde().deserializer()).stream().anyMatch(r -> FACT.equals(r.key())));
        } finally {
            teacher.close();
        }

        // a new job's instances load the whole global store before they process, so the linking
        // below does not depend on how fast the fact travels
        String appId = "enrich-link-" + UUID.randomUUID();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            urls.add(site + "bare-" + i);
        }
        Set<String> ids = urls.stream().map(ArticleId::of).collect(Collectors.toSet());
        EnrichService first = instance(kafka, appId, "first");
        EnrichService second = instance(kafka, appId, "second");
        Map<String, Article> articles = new HashMap<>();
        try {
            first.start();
            second.start();
            publish(kafka, urls, "Former President Quillfeather said on Wednesday that the foundation would continue its work. "
                    + "Quillfeather spoke in New York.");
            Awaitility.await("the bare-name articles").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (ConsumerRecord<String, Article> r : TopicContents.read(kafka.bootstrapServers(), Topics.ARTICLES.name(),
                        new StringDeserializer(), Topics.ARTICLES.valueSerde().deserializer())) {
                    if (ids.contains(r.key())) {
                        articles.put(r.key(), r.value());
                    }
                }
                return articles.keySet().containsAll(ids);
            });
        } finally {
            first.close();
            second.close();
        }

        Set<Integer> partitions = TopicContents.read(kafka.bootstrapServers(), Topics.PAGES.name(), new StringDeserializer(),
                new StringDeserializer()).stream().filter(r -> urls.contains(r.key())).map(ConsumerRecord::partition)
                .collect(Collectors.toSet());
        assertEquals(TopicBootstrap.PARTITIONS, partitions.size(), "the pages cover every partition, so both instances: " + partitions);
        for (Article a : articles.values()) {
            assertEquals(List.of("person:marta-quillfeather"), a.persons().stream().map(PersonTag::entityId).toList(),
                    a.url() + ": " + a.persons());
        }
    }

    private EnrichService instance(EmbeddedKafka kafka, String appId, String name) {
        NewsflowConfig config = NewsflowConfig.of(Map.of(
                CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                CommonConfig.DATA_DIR, dir.resolve(name).toString(),
                EnrichConfig.APPLICATION_ID, appId,
                EnrichConfig.COMMIT_INTERVAL_MS, 100L));
        return new EnrichService(new EnrichConfig(config), config.kafkaClientProperties(), new SimpleMeterRegistry());
    }

    private static void publish(EmbeddedKafka kafka, List<String> urls, String paragraph) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, Page> producer = new KafkaProducer<>(props, Topics.PAGES.keySerde().serializer(),
                Topics.PAGES.valueSerde().serializer())) {
            for (String url : urls) {
                String html = "<html lang=\"en\"><head><title>World news</title></head><body><article><h1>World news</h1>"
                        + "<p>" + paragraph + "</p></article></body></html>";
                producer.send(new ProducerRecord<>(Topics.PAGES.name(), url, new Page(url, url, url, "it", Instant.now(), 200,
                        "text/html", "UTF-8", null, null, ArticleId.sha256Hex(html), false, html))).get();
            }
        }
    }
}
