package io.newsflow.app.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Reads back what the sink stored, to judge the final state of a faulted run. */
final class StoredArticles {

    /** One stored row. */
    record Row(String url, int version, String text) {

        @Override
        public String toString() {
            // failure messages list every row: the text's start names the revision, the rest is noise
            return url + " v" + version + " \"" + text.substring(0, Math.min(text.length(), 100)) + "\"";
        }
    }

    private StoredArticles() {
    }

    /** Every row of the SQLite store in {@code dataDir}; none when the sink has not created it yet. */
    static List<Row> sqlite(Path dataDir) throws SQLException {
        Path db = dataDir.resolve("newsflow.db");
        if (!Files.exists(db)) {
            return List.of();
        }
        return read("jdbc:sqlite:" + db, new Properties());
    }

    static List<Row> read(String jdbcUrl, Properties credentials) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, credentials); Statement st = c.createStatement()) {
            if (!hasArticlesTable(c)) {
                return rows;
            }
            try (ResultSet rs = st.executeQuery("SELECT url, version, text FROM articles")) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getInt(2), rs.getString(3)));
                }
            }
        }
        return rows;
    }

    private static boolean hasArticlesTable(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "articles", null)) {
            return rs.next();
        }
    }

    /** How many of {@code expected} (url to the marker of its latest revision) are stored at that revision. */
    static long atLatest(List<Row> rows, Map<String, String> expected) {
        return rows.stream()
                .filter(r -> expected.containsKey(r.url()) && r.text().contains(expected.get(r.url())))
                .map(Row::url)
                .distinct()
                .count();
    }
}
