package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.app.testing.TcpProxy;
import io.newsflow.core.lifecycle.Stage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the sink's PostgreSQL becomes unreachable for 30 s mid-stream. The test puts a TCP proxy of
 * its own between the sink and the server at 127.0.0.1:5432 and cuts it; the sink must hold its
 * offsets, wait, and resume where it stopped.
 */
@Tag("reliability")
class SinkDatabaseOutageIT {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String HOST = "db-outage.example";
    private static final int ARTICLES = 60;
    private static final int REVISED = 10;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    @Timeout(300)
    void everyArticleIsStoredOnceAfterA30SecondDatabaseOutage(@TempDir Path dir) throws Exception {
        String schema = "reliability_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        assumeTrue(execute("CREATE SCHEMA " + schema), "no PostgreSQL on 127.0.0.1:5432 (trust auth, database test)");
        try (EmbeddedKafka kafka = ReliabilityConfigs.broker(dir.resolve("kafka"), 0);
                PagePublisher pages = new PagePublisher(kafka.bootstrapServers());
                TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
            var config = ReliabilityConfigs.pipeline(kafka, dir.resolve("data"), Map.of(
                    "newsflow.sink.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test?currentSchema=" + schema,
                    "newsflow.sink.jdbc.user", "postgres"));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.of(Stage.ENRICH, Stage.SINK), null, false)) {
                CompletableFuture<Void> firstHalf = CompletableFuture.runAsync(() -> publish(pages, 0, ARTICLES / 2, 1));
                Eventually.await("the first articles stored", Duration.ofSeconds(90), () -> stored(schema),
                        rows -> rows.size() >= 10);
                proxy.cut();
                firstHalf.get(60, TimeUnit.SECONDS);
                publish(pages, ARTICLES / 2, ARTICLES, 1);
                publish(pages, 0, REVISED, 2);
                // the outage itself: its length is the fault, nothing is asserted by waiting
                Thread.sleep(OUTAGE.toMillis());
                proxy.restore();

                Map<String, String> expected = IntStream.range(0, ARTICLES).boxed().collect(Collectors.toMap(
                        i -> PagePublisher.url(HOST, i), i -> NewsSite.marker(i, i < REVISED ? 2 : 1)));
                List<StoredArticles.Row> rows = Eventually.await("every article at its latest revision",
                        Duration.ofSeconds(120), () -> stored(schema), r -> StoredArticles.atLatest(r, expected) == ARTICLES);
                long topicDuplicates = TopicLog.articleDuplicates(kafka.bootstrapServers(), expected.keySet());
                FinalState.of("database-outage-30s", expected, rows, topicDuplicates).assertExactlyOnceAtLatest();
            }
        } finally {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void publish(PagePublisher pages, int from, int to, int revision) {
        try {
            for (int i = from; i < to; i++) {
                pages.publish(HOST, i, revision);
                // a steady stream, so the cut lands between batches and inside one
                Thread.sleep(20);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing pages failed", e);
        }
    }

    /** The rows as the server has them, read around the proxy. */
    private static List<StoredArticles.Row> stored(String schema) throws SQLException {
        return StoredArticles.read(SERVER + "?currentSchema=" + schema, credentials());
    }

    private static boolean execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "?connectTimeout=3", credentials());
                Statement st = c.createStatement()) {
            st.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        return p;
    }
}
