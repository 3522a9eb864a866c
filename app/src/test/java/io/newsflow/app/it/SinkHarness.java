package io.newsflow.app.it;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.record.Article;
import io.newsflow.core.topic.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;

/** What the sink integration tests share: configs, producing to the articles topic, waiting. */
final class SinkHarness {

    private SinkHarness() {
    }

    /** A unique prefix for this test's article ids: the broker's topics are shared by every test. */
    static String uniquePrefix(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static NewsflowConfig config(EmbeddedKafka kafka, String jdbcUrl, String user, Map<String, ?> extra) {
        Map<String, Object> values = new HashMap<>();
        values.put(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        values.put("newsflow.sink.jdbc.url", jdbcUrl);
        values.put("newsflow.sink.jdbc.user", user);
        values.put("newsflow.sink.group.id", uniquePrefix("sink"));
        values.putAll(extra);
        return NewsflowConfig.of(values);
    }

    static void produce(EmbeddedKafka kafka, String topic, List<Article> articles) throws Exception {
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(producerProps(kafka),
                Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer())) {
            for (Article a : articles) {
                producer.send(new ProducerRecord<>(topic, a.id(), a));
            }
            producer.flush();
        }
    }

    static void produceRaw(EmbeddedKafka kafka, String topic, byte[] key, byte[] value) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(kafka),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** A topic of this test's own, for records no other test's consumer must meet. */
    static String createTopic(EmbeddedKafka kafka, String name) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(name, 2, (short) 1))).all().get();
        }
        return name;
    }

    private static Properties producerProps(EmbeddedKafka kafka) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("acks", "all");
        return props;
    }

    /** Polls a condition every 50 ms until it holds. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    static double counter(MeterRegistry registry, String name) {
        return Search.in(registry).name(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    static double counter(MeterRegistry registry, String name, String tag, String value) {
        return Search.in(registry).name(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /** id -> version of the stored articles whose id starts with the prefix. */
    static Map<String, Integer> versions(Connection c, String prefix) throws SQLException {
        Map<String, Integer> versions = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version FROM articles WHERE id LIKE ?")) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (versions.put(rs.getString(1), rs.getInt(2)) != null) {
                        throw new AssertionError("two rows for " + rs.getString(1));
                    }
                }
            }
        }
        return versions;
    }

    static long count(Connection c, String sql, String prefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
