package io.newsflow.app.it;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Config and assertions the pipeline integration tests share. */
final class PipelineConfigs {

    private PipelineConfigs() {
    }

    /**
     * A config for one test on the shared broker: its own data dir, Streams application id and sink
     * group, so tests do not see each other's progress.
     */
    static NewsflowConfig forTest(EmbeddedKafka kafka, Path dataDir, String name, Map<String, ?> extra) {
        String unique = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> values = new HashMap<>();
        values.put(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        values.put(CommonConfig.DATA_DIR, dataDir.toString());
        values.put(CommonConfig.HTTP_PORT, 0);
        values.put("newsflow.enrich.application.id", "enrich-" + unique);
        values.put("newsflow.sink.group.id", "sink-" + unique);
        // fixture servers listen on 127.0.0.1, which the crawler's SSRF guard refuses by default
        values.put("newsflow.ingest.fetch.allow.private", true);
        values.putAll(extra);
        return NewsflowConfig.of(values);
    }

    /** Polls the SQLite store until it holds at least {@code count} articles; url -> {title, text, version}. */
    static Map<String, String[]> awaitRows(Path dataDir, int count, Duration timeout) {
        return Awaitility.await("at least " + count + " stored articles").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> rows(dataDir), rows -> rows.size() >= count);
    }

    /**
     * Polls the SQLite store until it holds an article for each of {@code urls}; url -> {title, text,
     * version}. The articles topic is shared by every test on the broker, so count only your own.
     */
    static Map<String, String[]> awaitRows(Path dataDir, Collection<String> urls, Duration timeout) {
        return Awaitility.await("stored articles of " + urls).atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> rows(dataDir), rows -> rows.keySet().containsAll(urls));
    }

    static Map<String, String[]> rows(Path dataDir) throws SQLException {
        Map<String, String[]> rows = new TreeMap<>();
        Path db = dataDir.resolve("newsflow.db");
        if (!db.toFile().exists()) {
            return rows;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement()) {
            if (!st.executeQuery("SELECT name FROM sqlite_master WHERE name = 'articles'").next()) {
                return rows;
            }
            try (ResultSet rs = st.executeQuery("SELECT url, title, text, version FROM articles")) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return rows;
    }
}
