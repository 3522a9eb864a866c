package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Article;
import io.newsflow.core.topic.DeadLetterHeaders;
import io.newsflow.core.topic.Topics;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.consume.SinkService;
import io.newsflow.sink.jdbc.Dialect;
import io.newsflow.sink.jdbc.JdbcArticleStore;
import io.newsflow.sink.jdbc.TestArticles;
import io.newsflow.sink.jdbc.TestDatabase;
import io.newsflow.sink.jdbc.TestRevisions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Redelivery, out-of-order versions, replayed revisions and poison records through a real consumer, on both backends. */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class SinkDeliveryIT {

    private static final Instant T0 = Instant.parse("2024-05-01T09:30:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    @Timeout(120)
    void storesABatchRedeliveredAfterACrashBeforeTheOffsetCommitOnce(Dialect dialect, EmbeddedKafka kafka) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); Connection check = db.connect()) {
            String prefix = SinkHarness.uniquePrefix("redeliver-" + dialect.name().toLowerCase(Locale.ROOT));
            List<Article> articles = new ArrayList<>(TestArticles.many(prefix, 20, T0));
            // versions out of order on the topic: v3, then v1 and v2 of the same article
            Article late = TestArticles.article(prefix + "-late", 1, "Late", T0);
            articles.add(TestArticles.retagged(late, 3, List.of()));
            articles.add(late);
            articles.add(TestArticles.retagged(late, 2, List.of(late.countries().get(0))));
            String topic = SinkHarness.createTopic(kafka, prefix);
            SinkHarness.produce(kafka, topic, articles);
            NewsflowConfig config = SinkHarness.config(kafka, db.jdbcUrl(), db.user(), Map.of(SinkConfig.TOPIC, topic));
            SinkConfig sinkConfig = new SinkConfig(config);

            // the sink that crashes: it stores what it polled, then dies before committing offsets
            Map<TopicPartition, Long> ends;
            try (JdbcArticleStore store = new JdbcArticleStore(db.jdbcUrl(), db.user(), "");
                    KafkaConsumer<String, Article> crashed = consumer(kafka, sinkConfig.groupId())) {
                crashed.subscribe(Set.of(topic));
                List<Article> polled = new ArrayList<>();
                SinkHarness.await("the crashing sink reads our articles", WAIT, () -> {
                    for (ConsumerRecord<String, Article> r : crashed.poll(Duration.ofMillis(200))) {
                        polled.add(r.value());
                    }
                    return polled.stream().filter(a -> a.id().startsWith(prefix)).count() == articles.size();
                });
                store.write(polled);
                ends = crashed.endOffsets(crashed.assignment());
            }
            assertEquals(21, SinkHarness.versions(check, prefix).size());

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (JdbcArticleStore store = new JdbcArticleStore(db.jdbcUrl(), db.user(), "");
                    SinkService sink = new SinkService(sinkConfig, config.kafkaClientProperties(), store, registry, Clock.systemUTC());
                    KafkaConsumer<String, Article> offsets = consumer(kafka, sinkConfig.groupId())) {
                sink.start();
                SinkHarness.await("the restarted sink commits past our articles", WAIT, () -> committedPast(offsets, ends));
            }
            Map<String, Integer> versions = SinkHarness.versions(check, prefix);
            assertEquals(21, versions.size(), "one row per article");
            assertEquals(3, versions.get(prefix + "-late"), "the newest version wins");
            assertEquals(0, SinkHarness.count(check, "SELECT COUNT(*) FROM article_countries WHERE article_id LIKE ?", prefix + "-late"));
            assertTrue(SinkHarness.counter(registry, MetricNames.SINK_ROWS, MetricNames.TAG_OUTCOME, "stale") >= articles.size(),
                    "the redelivered batch was read again and found stale");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    @Timeout(120)
    void deadLettersOnlyTheRecordsThatCanNeverBeStored(Dialect dialect, EmbeddedKafka kafka) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); Connection check = db.connect()) {
            String prefix = SinkHarness.uniquePrefix("poison-" + dialect.name().toLowerCase(Locale.ROOT));
            List<Article> articles = new ArrayList<>(TestArticles.many(prefix + "-good", 30, T0));
            articles.add(7, TestArticles.poison(prefix + "-bad", T0));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            // a topic of its own, as every sink test here: the undecodable record must not reach other tests
            String topic = SinkHarness.createTopic(kafka, prefix);
            NewsflowConfig config = SinkHarness.config(kafka, db.jdbcUrl(), db.user(),
                    Map.of(SinkConfig.BATCH_SIZE, 500, SinkConfig.TOPIC, topic));
            try (JdbcArticleStore store = new JdbcArticleStore(db.jdbcUrl(), db.user(), "");
                    SinkService sink = new SinkService(new SinkConfig(config), config.kafkaClientProperties(), store, registry, Clock.systemUTC())) {
                SinkHarness.produceRaw(kafka, topic, (prefix + "-garbage").getBytes(StandardCharsets.UTF_8),
                        "{\"schema\":\"article/1\",\"id\":".getBytes(StandardCharsets.UTF_8));
                SinkHarness.produce(kafka, topic, articles);
                sink.start();
                SinkHarness.await("the good articles stored", WAIT, () -> {
                    try {
                        return SinkHarness.versions(check, prefix + "-good").size() == 30;
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Map<String, Map<String, String>> letters = deadLetters(kafka, prefix, 2);
                Map<String, String> bad = letters.get(prefix + "-bad");
                assertEquals("sink", bad.get(DeadLetterHeaders.STAGE));
                assertEquals(topic, bad.get(DeadLetterHeaders.TOPIC));
                assertTrue(java.sql.SQLException.class.isAssignableFrom(Class.forName(bad.get(DeadLetterHeaders.CLASS))),
                        bad.get(DeadLetterHeaders.CLASS));
                assertTrue(bad.get(DeadLetterHeaders.MESSAGE).toLowerCase(Locale.ROOT).contains("unique")
                        || bad.get(DeadLetterHeaders.MESSAGE).toLowerCase(Locale.ROOT).contains("duplicate"), bad.get(DeadLetterHeaders.MESSAGE));
                assertTrue(Long.parseLong(bad.get(DeadLetterHeaders.OFFSET)) >= 0);
                Map<String, String> garbage = letters.get(prefix + "-garbage");
                assertTrue(garbage.get(DeadLetterHeaders.MESSAGE).contains("Article"), garbage.get(DeadLetterHeaders.MESSAGE));
                assertEquals(0, SinkHarness.versions(check, prefix + "-bad").size());
                assertEquals(1.0, SinkHarness.counter(registry, MetricNames.DEAD_LETTERS, MetricNames.TAG_REASON, "rejected"));
                assertEquals(1.0, SinkHarness.counter(registry, MetricNames.DEAD_LETTERS, MetricNames.TAG_REASON, "undecodable"));
                assertTrue(sink.isHealthy());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    @Timeout(120)
    void storesEachRevisionOnceWhenItsTopicIsReplayedAndDeadLettersAnUnreadableOne(Dialect dialect, EmbeddedKafka kafka)
            throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); Connection check = db.connect()) {
            String prefix = SinkHarness.uniquePrefix("revisions-" + dialect.name().toLowerCase(Locale.ROOT));
            Article v1 = TestArticles.article(prefix + "-edited", 1, "Talks planned", T0);
            Article v2 = TestRevisions.edited(v1, 2, "Talks cancelled");
            byte[] revision = JsonCodec.encode(TestRevisions.retitled(v1, v2));
            String articles = SinkHarness.createTopic(kafka, prefix + "-articles");
            String revisions = SinkHarness.createTopic(kafka, prefix + "-revisions");
            SinkHarness.produce(kafka, articles, List.of(v1, v2));
            byte[] key = v1.id().getBytes(StandardCharsets.UTF_8);
            // the revision twice, as a replay of the topic delivers it, and a record that is no revision
            SinkHarness.produceRaw(kafka, revisions, key, revision);
            SinkHarness.produceRaw(kafka, revisions, key, revision);
            SinkHarness.produceRaw(kafka, revisions, (prefix + "-garbage").getBytes(StandardCharsets.UTF_8),
                    "{\"schema\":\"revision/1\",\"articleId\":".getBytes(StandardCharsets.UTF_8));
            NewsflowConfig config = SinkHarness.config(kafka, db.jdbcUrl(), db.user(),
                    Map.of(SinkConfig.TOPIC, articles, SinkConfig.REVISIONS_TOPIC, revisions));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (JdbcArticleStore store = new JdbcArticleStore(db.jdbcUrl(), db.user(), "");
                    SinkService sink = new SinkService(new SinkConfig(config), config.kafkaClientProperties(), store, registry,
                            Clock.systemUTC())) {
                sink.start();
                Map<String, Map<String, String>> letters = deadLetters(kafka, prefix, 1);
                assertEquals(revisions, letters.get(prefix + "-garbage").get(DeadLetterHeaders.TOPIC));
                SinkHarness.await("both copies of the revision handled", WAIT,
                        () -> SinkHarness.counter(registry, MetricNames.SINK_REVISIONS, MetricNames.TAG_OUTCOME, "written")
                                + SinkHarness.counter(registry, MetricNames.SINK_REVISIONS, MetricNames.TAG_OUTCOME, "duplicate") == 2);
                SinkHarness.await("the edited article stored at version 2", WAIT, () -> {
                    try {
                        return Integer.valueOf(2).equals(SinkHarness.versions(check, prefix).get(v1.id()));
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
            assertEquals(1, SinkHarness.count(check, "SELECT COUNT(*) FROM article_revisions WHERE article_id LIKE ?", prefix));
            assertEquals(1.0, SinkHarness.counter(registry, MetricNames.SINK_REVISIONS, MetricNames.TAG_OUTCOME, "written"));
        }
    }

    private static KafkaConsumer<String, Article> consumer(EmbeddedKafka kafka, String group) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", group);
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        return new KafkaConsumer<>(props, Topics.ARTICLES.keySerde().deserializer(), Topics.ARTICLES.valueSerde().deserializer());
    }

    private static boolean committedPast(KafkaConsumer<String, Article> offsets, Map<TopicPartition, Long> ends) {
        var committed = offsets.committed(ends.keySet());
        for (var end : ends.entrySet()) {
            var c = committed.get(end.getKey());
            if (c == null || c.offset() < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** key -> headers of the dead letters whose key starts with the prefix, once {@code count} are there. */
    private static Map<String, Map<String, String>> deadLetters(EmbeddedKafka kafka, String prefix, int count) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", SinkHarness.uniquePrefix("dlq-reader"));
        props.put("auto.offset.reset", "earliest");
        Map<String, Map<String, String>> letters = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(Topics.DEAD_LETTERS.name()));
            SinkHarness.await(count + " dead letters", WAIT, () -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
                    if (key.startsWith(prefix)) {
                        Map<String, String> headers = new HashMap<>();
                        for (Header h : r.headers()) {
                            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                        }
                        letters.put(key, headers);
                    }
                }
                return letters.size() >= count;
            });
        }
        return letters;
    }
}
