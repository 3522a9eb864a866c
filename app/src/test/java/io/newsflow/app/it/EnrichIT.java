package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.app.testing.CommandRun;
import io.newsflow.app.testing.TopicContents;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.reliability.Eventually;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.DeadLetterHeaders;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.topology.EnrichService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enrich job on a real broker under exactly-once. Tests share the broker and the pipeline's
 * topics, so each one uses its own application id and URLs and only looks at its own keys.
 */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class EnrichIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void everyPageEndsAsExactlyOneArticleVersionWhenOneOfTwoInstancesStopsMidStream(EmbeddedKafka kafka) throws Exception {
        String site = "https://it-" + UUID.randomUUID() + ".example/";
        String appId = "enrich-two-" + UUID.randomUUID();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            urls.add(site + "story-" + i);
        }
        Set<String> ids = urls.stream().map(ArticleId::of).collect(Collectors.toSet());

        EnrichService first = instance(kafka, appId, "first");
        EnrichService second = instance(kafka, appId, "second");
        try {
            first.start();
            second.start();
            publish(kafka, urls.subList(0, 20));
            awaitArticles(kafka, ids, 5);
            second.close();
            publish(kafka, urls.subList(20, 40));
            awaitArticles(kafka, ids, ids.size());
        } finally {
            first.close();
            second.close();
        }

        Map<String, List<Integer>> versions = new HashMap<>();
        for (ConsumerRecord<String, Article> r : readAll(kafka, Topics.ARTICLES.name(), Topics.ARTICLES.valueSerde().deserializer(),
                r -> ids.contains(r.key()))) {
            versions.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value().version());
        }
        assertEquals(ids, versions.keySet(), "no page lost");
        versions.forEach((id, v) -> assertEquals(List.of(1), v, "exactly one version of " + id));
    }

    @Test
    @Timeout(120)
    void poisonPageIsDeadLetteredListedAndReplayedWhileTheJobKeepsGoing(EmbeddedKafka kafka) throws Exception {
        String site = "https://it-" + UUID.randomUUID() + ".example/";
        String appId = "enrich-dlq-" + UUID.randomUUID();
        String poisonKey = site + "poison";
        byte[] poison = "{\"schema\":\"page/1\",\"url\":".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(clientProps(kafka), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.PAGES.name(), poisonKey.getBytes(StandardCharsets.UTF_8), poison)).get();
        }
        publish(kafka, List.of(site + "after-poison"));
        EnrichService service = instance(kafka, appId, "only");
        ConsumerRecord<String, byte[]> letter;
        try {
            service.start();
            awaitArticles(kafka, Set.of(ArticleId.of(site + "after-poison")), 1);
            // the two pages may sit on partitions owned by different stream threads, so the page
            // after the poison can be stored before the poison is dead-lettered
            letter = Eventually.await("the poison page dead-lettered", WAIT, () -> readAll(kafka, Topics.DEAD_LETTERS.name(),
                    new ByteArrayDeserializer(), r -> poisonKey.equals(r.key())), letters -> !letters.isEmpty()).get(0);
        } finally {
            service.close();
        }

        assertEquals(new String(poison, StandardCharsets.UTF_8), new String(letter.value(), StandardCharsets.UTF_8));
        assertEquals("enrich", header(letter, DeadLetterHeaders.STAGE));
        assertEquals(Topics.PAGES.name(), header(letter, DeadLetterHeaders.TOPIC));

        CommandRun list = CommandRun.of("dlq", "list", "--kafka-bootstrap", kafka.bootstrapServers(), "--stage", "enrich");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("\"key\":\"" + poisonKey + "\""), list.out());

        CommandRun replay = CommandRun.of("dlq", "replay", "--kafka-bootstrap", kafka.bootstrapServers(),
                "--since", Instant.ofEpochMilli(letter.timestamp()).toString());
        assertEquals(0, replay.exitCode(), replay.err());
        List<ConsumerRecord<String, byte[]>> reinjected = readAll(kafka, Topics.PAGES.name(), new ByteArrayDeserializer(),
                r -> poisonKey.equals(r.key()) && r.headers().lastHeader(DeadLetterHeaders.REPLAYED_FROM) != null);
        assertTrue(reinjected.size() >= 1, "the dead letter is back on the pages topic: " + replay.out());
        assertEquals(new String(poison, StandardCharsets.UTF_8), new String(reinjected.get(0).value(), StandardCharsets.UTF_8));
        assertEquals(null, reinjected.get(0).headers().lastHeader(DeadLetterHeaders.STAGE), "error headers are stripped");
    }

    @Test
    @Timeout(120)
    void reprocessPublishesEveryRetainedPageAgainAsANewVersion(EmbeddedKafka kafka) throws Exception {
        String site = "https://it-" + UUID.randomUUID() + ".example/";
        String appId = "enrich-reprocess-" + UUID.randomUUID();
        List<String> urls = List.of(site + "a", site + "b", site + "c");
        Set<String> ids = urls.stream().map(ArticleId::of).collect(Collectors.toSet());
        Path config = dir.resolve("reprocess.yaml");
        Files.writeString(config, "newsflow.enrich.application.id: " + appId + "\n");
        publish(kafka, urls);
        publish(kafka, List.of(urls.get(0)));

        EnrichService service = instance(kafka, appId, "only");
        try {
            service.start();
            awaitArticles(kafka, ids, ids.size());
            assertEquals(1, CommandRun.of("reprocess", "--kafka-bootstrap", kafka.bootstrapServers(), "--config",
                    config.toString()).exitCode(), "refuses while an instance runs");
            CommandRun dryRun = CommandRun.of("reprocess", "--dry-run", "--kafka-bootstrap", kafka.bootstrapServers(),
                    "--config", config.toString());
            assertEquals(0, dryRun.exitCode(), dryRun.err());
            assertTrue(dryRun.out().contains("\"applied\":false"), dryRun.out());
        } finally {
            service.close();
        }
        CommandRun reprocess = CommandRun.of("reprocess", "--kafka-bootstrap", kafka.bootstrapServers(), "--config",
                config.toString());
        assertEquals(0, reprocess.exitCode(), reprocess.err());
        assertTrue(reprocess.out().contains("\"applied\":true"), reprocess.out());

        EnrichService again = instance(kafka, appId, "only");
        try {
            again.start();
            awaitVersions(kafka, ids, 2);
        } finally {
            again.close();
        }
        Map<String, List<Integer>> versions = new HashMap<>();
        for (ConsumerRecord<String, Article> r : readAll(kafka, Topics.ARTICLES.name(), Topics.ARTICLES.valueSerde().deserializer(),
                r -> ids.contains(r.key()))) {
            versions.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value().version());
        }
        versions.forEach((id, v) -> assertEquals(List.of(1, 2), v, "the refetch was unchanged; the reprocess made version 2 of " + id));
    }

    private EnrichService instance(EmbeddedKafka kafka, String appId, String name) {
        NewsflowConfig config = NewsflowConfig.of(Map.of(
                CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                CommonConfig.DATA_DIR, dir.resolve(name).toString(),
                EnrichConfig.APPLICATION_ID, appId,
                EnrichConfig.COMMIT_INTERVAL_MS, 100L));
        return new EnrichService(new EnrichConfig(config), config.kafkaClientProperties(), new SimpleMeterRegistry());
    }

    private static void publish(EmbeddedKafka kafka, List<String> urls) throws Exception {
        try (KafkaProducer<String, Page> producer = new KafkaProducer<>(clientProps(kafka), Topics.PAGES.keySerde().serializer(),
                Topics.PAGES.valueSerde().serializer())) {
            for (String url : urls) {
                String html = "<html lang=\"en\"><head><title>Story " + url + "</title></head><body><article><h1>Story</h1>"
                        + "<p>The harbour board voted on Monday to keep the port open at night, the story at " + url
                        + " reports, after a long debate among its members.</p>"
                        + "<p>Shipping companies welcomed the decision and said the night shifts would start next month.</p>"
                        + "</article></body></html>";
                producer.send(new ProducerRecord<>(Topics.PAGES.name(), url, new Page(url, url, url, "it", Instant.now(), 200,
                        "text/html", "UTF-8", null, null, ArticleId.sha256Hex(html), false, html))).get();
            }
        }
    }

    private static void awaitArticles(EmbeddedKafka kafka, Set<String> ids, int atLeast) {
        await(kafka, ids, seen -> seen.size() >= atLeast, "at least " + atLeast + " articles");
    }

    private static void awaitVersions(EmbeddedKafka kafka, Set<String> ids, int version) {
        Map<String, Integer> latest = new HashMap<>();
        await(kafka, ids, seen -> {
            latest.putAll(seen);
            return latest.keySet().containsAll(ids) && ids.stream().allMatch(id -> latest.get(id) >= version);
        }, "version " + version + " of every article");
    }

    /** Polls the articles topic (read_committed) until {@code done} holds for the latest version seen per id. */
    private static void await(EmbeddedKafka kafka, Set<String> ids, Predicate<Map<String, Integer>> done, String what) {
        Properties props = consumerProps(kafka);
        try (KafkaConsumer<String, Article> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.ARTICLES.valueSerde().deserializer())) {
            List<TopicPartition> partitions = partitions(consumer, Topics.ARTICLES.name());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<String, Integer> seen = new HashMap<>();
            // each evaluation reads what arrived since the last one; the poll itself paces the loop
            Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> {
                for (ConsumerRecord<String, Article> r : consumer.poll(Duration.ofMillis(200))) {
                    if (ids.contains(r.key())) {
                        seen.merge(r.key(), r.value().version(), Math::max);
                    }
                }
                return done.test(seen);
            });
        }
    }

    /** Every committed record of a topic, from the beginning to its end now, that the filter keeps. */
    private static <V> List<ConsumerRecord<String, V>> readAll(EmbeddedKafka kafka, String topic, Deserializer<V> values,
            Predicate<ConsumerRecord<String, V>> keep) {
        return TopicContents.read(kafka.bootstrapServers(), topic, new StringDeserializer(), values).stream()
                .filter(keep).toList();
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Properties clientProps(EmbeddedKafka kafka) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return props;
    }

    private static Properties consumerProps(EmbeddedKafka kafka) {
        Properties props = clientProps(kafka);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        return props;
    }
}
