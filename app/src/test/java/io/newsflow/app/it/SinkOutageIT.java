package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.app.testing.TcpProxy;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Article;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.consume.SinkService;
import io.newsflow.sink.jdbc.JdbcArticleStore;
import io.newsflow.sink.jdbc.TestArticles;
import io.newsflow.sink.jdbc.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away mid-stream and comes back: the sink pauses, reports unhealthy, retries
 * with back-off, and in the end every record is stored exactly once.
 */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class SinkOutageIT {

    private static final Instant T0 = Instant.parse("2024-05-01T09:30:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Map<String, Object> FAST_RETRIES = Map.of(
            SinkConfig.BATCH_SIZE, 10, SinkConfig.RETRY_BACKOFF_MS, 50L, SinkConfig.RETRY_BACKOFF_MAX_MS, 400L);

    @Test
    @Timeout(120)
    void storesEveryRecordOnceAfterPostgresqlWasCutOffMidStream(EmbeddedKafka kafka) throws Exception {
        try (TestDatabase db = TestDatabase.postgres();
                TcpProxy proxy = new TcpProxy("127.0.0.1", 5432);
                Connection check = db.connect()) {
            String schema = db.jdbcUrl().substring(db.jdbcUrl().indexOf("currentSchema="));
            String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?" + schema
                    + "&connectTimeout=2&socketTimeout=10";
            String prefix = SinkHarness.uniquePrefix("pg-outage");
            List<Article> first = TestArticles.many(prefix + "-a", 40, T0);
            List<Article> second = TestArticles.many(prefix + "-b", 40, T0);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            String topic = SinkHarness.createTopic(kafka, prefix);
            NewsflowConfig config = SinkHarness.config(kafka, viaProxy, db.user(), withTopic(topic));
            SinkConfig sinkConfig = new SinkConfig(config);
            try (JdbcArticleStore store = new JdbcArticleStore(viaProxy, db.user(), "");
                    SinkService sink = new SinkService(sinkConfig, config.kafkaClientProperties(), store, registry, Clock.systemUTC())) {
                sink.start();
                SinkHarness.produce(kafka, topic, first);
                SinkHarness.await("the first records stored", WAIT, () -> stored(check, prefix) >= 10);

                proxy.cut();
                SinkHarness.produce(kafka, topic, second);
                SinkHarness.await("the sink reports the outage", WAIT, () -> !sink.isHealthy());
                // several failed reconnects at the capped back-off span a few seconds
                SinkHarness.await("the sink retried through the outage", WAIT, () -> proxy.refusedConnections() >= 12);
                assertTrue(stored(check, prefix) < 80, "the outage interrupted the stream");

                proxy.restore();
                SinkHarness.await("every record stored after recovery", WAIT, () -> stored(check, prefix) == 80);
                SinkHarness.await("the sink healthy again", WAIT, sink::isHealthy);
                assertTrue(SinkHarness.counter(registry, MetricNames.SINK_RETRIES, "reason", "transient") >= 1);
            }
            assertEquals(80, SinkHarness.versions(check, prefix).size());
            assertEquals(160, SinkHarness.count(check, "SELECT COUNT(*) FROM article_countries WHERE article_id LIKE ?", prefix),
                    "each article's two countries once");
        }
    }

    @Test
    @Timeout(120)
    void storesEveryRecordOnceAfterTheSqliteFileWasLockedForAWhile(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        TestDatabase db = TestDatabase.sqlite(dir);
        String url = db.jdbcUrl() + "?busy_timeout=100";
        String prefix = SinkHarness.uniquePrefix("sqlite-lock");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String topic = SinkHarness.createTopic(kafka, prefix);
        NewsflowConfig config = SinkHarness.config(kafka, url, "", withTopic(topic));
        try (JdbcArticleStore store = new JdbcArticleStore(url, "", "");
                SinkService sink = new SinkService(new SinkConfig(config), config.kafkaClientProperties(), store, registry, Clock.systemUTC());
                Connection check = db.connect()) {
            sink.start();
            SinkHarness.produce(kafka, topic, TestArticles.many(prefix + "-a", 40, T0));
            SinkHarness.await("the first records stored", WAIT, () -> stored(check, prefix) == 40);

            try (Connection locker = db.connect(); Statement st = locker.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");
                SinkHarness.produce(kafka, topic, TestArticles.many(prefix + "-b", 40, T0));
                SinkHarness.await("the sink reports the locked file", WAIT, () -> !sink.isHealthy());
                SinkHarness.await("the sink retried while locked", WAIT,
                        () -> SinkHarness.counter(registry, MetricNames.SINK_RETRIES) >= 8);
                st.execute("ROLLBACK");
            }
            SinkHarness.await("every record stored after the lock", WAIT, () -> stored(check, prefix) == 80);
            SinkHarness.await("the sink healthy again", WAIT, sink::isHealthy);
            assertEquals(160, SinkHarness.count(check, "SELECT COUNT(*) FROM article_countries WHERE article_id LIKE ?", prefix));
        }
    }

    @Test
    @Timeout(120)
    void storesEveryRecordOnceAfterTheSqliteFileWasUnwritableForAWhile(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        TestDatabase db = TestDatabase.sqlite(dir);
        Path file = dir.resolve("newsflow.db");
        String prefix = SinkHarness.uniquePrefix("sqlite-ro");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String topic = SinkHarness.createTopic(kafka, prefix);
        NewsflowConfig config = SinkHarness.config(kafka, db.jdbcUrl(), "", withTopic(topic));
        try (JdbcArticleStore store = new JdbcArticleStore(db.jdbcUrl(), "", "");
                SinkService sink = new SinkService(new SinkConfig(config), config.kafkaClientProperties(), store, registry, Clock.systemUTC());
                Connection check = db.connect()) {
            sink.start();
            SinkHarness.produce(kafka, topic, TestArticles.many(prefix + "-a", 40, T0));
            SinkHarness.await("the first records stored", WAIT, () -> stored(check, prefix) == 40);

            List<Path> files = List.of(file, dir.resolve("newsflow.db-wal"));
            Unwritable unwritable = Unwritable.make(files);
            try {
                SinkHarness.produce(kafka, topic, TestArticles.many(prefix + "-b", 40, T0));
                SinkHarness.await("the sink reports the unwritable file", WAIT, () -> !sink.isHealthy());
                SinkHarness.await("the sink retried while unwritable", WAIT,
                        () -> SinkHarness.counter(registry, MetricNames.SINK_RETRIES) >= 8);
            } finally {
                unwritable.undo();
            }
            SinkHarness.await("every record stored once writable", WAIT, () -> stored(check, prefix) == 80);
            SinkHarness.await("the sink healthy again", WAIT, sink::isHealthy);
        }
    }

    @Test
    @Timeout(120)
    void answersReadyWith503WhileTheDatabaseIsLocked(EmbeddedKafka kafka, @TempDir Path dir) throws Exception {
        TestDatabase db = TestDatabase.sqlite(dir);
        String prefix = SinkHarness.uniquePrefix("ready");
        String topic = SinkHarness.createTopic(kafka, prefix);
        Map<String, Object> values = withTopic(topic);
        values.put("newsflow.sink.jdbc.url", db.jdbcUrl() + "?busy_timeout=100");
        NewsflowConfig config = PipelineConfigs.forTest(kafka, dir, "ready", values);
        HttpClient http = HttpClient.newHttpClient();
        try (RunningProcess process = RunningProcess.start(config, EnumSet.of(Stage.SINK), null, false);
                Connection check = db.connect()) {
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + process.httpPort() + "/ready")).build();
            try (Connection locker = db.connect(); Statement st = locker.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");
                SinkHarness.produce(kafka, topic, TestArticles.many(prefix, 5, T0));
                SinkHarness.await("/ready answers 503 naming the sink", WAIT, () -> {
                    HttpResponse<String> r = send(http, ready);
                    return r.statusCode() == 503 && r.body().contains("sink down");
                });
                st.execute("ROLLBACK");
            }
            SinkHarness.await("/ready answers 200 again", WAIT, () -> send(http, ready).statusCode() == 200);
            assertEquals(5, stored(check, prefix));
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each test reads a topic of its own, so it neither sees nor feeds other tests' sinks. */
    private static Map<String, Object> withTopic(String topic) {
        Map<String, Object> values = new java.util.HashMap<>(FAST_RETRIES);
        values.put(SinkConfig.TOPIC, topic);
        return values;
    }

    private static long stored(Connection c, String prefix) {
        try {
            return SinkHarness.count(c, "SELECT COUNT(*) FROM articles WHERE id LIKE ?", prefix);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Files made unwritable: by permissions for an ordinary user; as root, who ignores permissions,
     * by the immutable attribute (chattr +i), which even refuses writes through open descriptors.
     */
    private record Unwritable(List<Path> files, boolean immutable) {

        static Unwritable make(List<Path> files) throws IOException, InterruptedException {
            boolean root = "root".equals(System.getProperty("user.name"));
            for (Path f : files) {
                Assumptions.assumeTrue(Files.exists(f), f + " exists");
                if (root) {
                    Assumptions.assumeTrue(run("chattr", "+i", f.toString()),
                            "as root only chattr +i makes a file unwritable, and it is not available here");
                } else {
                    Assumptions.assumeTrue(f.toFile().setWritable(false), "cannot make " + f + " read-only");
                }
            }
            return new Unwritable(files, root);
        }

        void undo() throws IOException, InterruptedException {
            for (Path f : files) {
                if (immutable) {
                    run("chattr", "-i", f.toString());
                } else {
                    f.toFile().setWritable(true);
                }
            }
        }

        private static boolean run(String... command) throws IOException, InterruptedException {
            try {
                return new ProcessBuilder(command).inheritIO().start().waitFor() == 0;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
