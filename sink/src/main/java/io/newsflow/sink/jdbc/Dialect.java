package io.newsflow.sink.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;

/**
 * The SQL dialects the sink speaks, chosen from the JDBC URL: how to connect, how times and JSON
 * are stored, and how a text search is phrased, so the rest of the code is the same for both.
 */
public enum Dialect {
    SQLITE("sqlite") {
        // fixed width, so that comparing the stored strings compares the times
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);
        private static final int WRITER_CACHE_KIB = 32 * 1024;

        @Override
        Properties connectionProperties() {
            Properties props = new Properties();
            // WAL lets readers (API, sqlite3 shell) query while the sink writes; settings in the
            // URL (jdbc:sqlite:FILE?busy_timeout=1000) win over these
            props.setProperty("journal_mode", "WAL");
            props.setProperty("foreign_keys", "true");
            props.setProperty("busy_timeout", "5000");
            props.setProperty("synchronous", "NORMAL");
            return props;
        }

        @Override
        Properties writerProperties() {
            Properties props = new Properties();
            // A sink batch of 500 articles dirties more pages (rows, full-text index, tag rows and
            // their indexes) than SQLite's default 2 MB cache holds, and each multi-row insert
            // keeps a statement journal of the pages it changes, in a temporary file beyond 64 KB.
            // Both went to disk in mid-transaction, pages spilled to the WAL were read back, and
            // the sink spent a third of its CPU there (docs/performance.md). The cache grows only
            // as far as the writer uses it; readers keep the defaults.
            props.setProperty("cache_size", Integer.toString(-WRITER_CACHE_KIB));
            props.setProperty("temp_store", "MEMORY");
            return props;
        }

        @Override
        public void bindInstant(PreparedStatement ps, int index, @Nullable Instant instant) throws SQLException {
            if (instant == null) {
                ps.setNull(index, Types.VARCHAR);
            } else {
                ps.setString(index, TIME.format(instant.truncatedTo(ChronoUnit.MILLIS)));
            }
        }

        @Override
        public @Nullable Instant readInstant(ResultSet rs, String column) throws SQLException {
            String value = rs.getString(column);
            return value == null ? null : Instant.parse(value);
        }

        @Override
        public String jsonParameter() {
            return "?";
        }

        @Override
        public String textMatch(String articleAlias) {
            return articleAlias + ".rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)";
        }

        @Override
        public String textQuery(List<String> words) {
            // each word quoted: FTS5 operators and column filters in user input are taken literally
            StringBuilder query = new StringBuilder();
            for (String word : words) {
                if (!query.isEmpty()) {
                    query.append(' ');
                }
                query.append('"').append(word.replace("\"", "\"\"")).append('"');
            }
            return query.toString();
        }

        @Override
        public String lockForUpdate() {
            return ""; // a SQLite transaction that writes holds the database's only write lock
        }

    },
    POSTGRESQL("postgresql") {
        @Override
        Properties connectionProperties() {
            Properties props = new Properties();
            // fail fast instead of hanging on a dead server, so the sink notices the outage and
            // keeps polling Kafka; settings in the URL win over these
            props.setProperty("connectTimeout", "10");
            props.setProperty("socketTimeout", "60");
            props.setProperty("tcpKeepAlive", "true");
            props.setProperty("ApplicationName", "newsflow-sink");
            return props;
        }

        @Override
        public void bindInstant(PreparedStatement ps, int index, @Nullable Instant instant) throws SQLException {
            if (instant == null) {
                ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
            }
        }

        @Override
        public @Nullable Instant readInstant(ResultSet rs, String column) throws SQLException {
            OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }

        @Override
        public String jsonParameter() {
            return "CAST(? AS JSONB)";
        }

        @Override
        public String textMatch(String articleAlias) {
            // the same expression as the GIN index articles_fts, so the index serves it
            return "to_tsvector('english', " + articleAlias + ".title || ' ' || " + articleAlias
                    + ".text) @@ plainto_tsquery('english', ?)";
        }

        @Override
        public String textQuery(List<String> words) {
            return String.join(" ", words);
        }

        @Override
        public String lockForUpdate() {
            return " FOR UPDATE";
        }

    };

    private final String resourceDir;

    Dialect(String resourceDir) {
        this.resourceDir = resourceDir;
    }

    String resourceDir() {
        return resourceDir;
    }

    /** Driver settings applied to every connection unless the URL sets them. */
    abstract Properties connectionProperties();

    /** Settings the sink's writing connection adds to {@link #connectionProperties()}, again unless the URL sets them. */
    Properties writerProperties() {
        return new Properties();
    }

    public abstract void bindInstant(PreparedStatement ps, int index, @Nullable Instant instant) throws SQLException;

    public abstract @Nullable Instant readInstant(ResultSet rs, String column) throws SQLException;

    /** The placeholder of a JSON value bound as a string. */
    public abstract String jsonParameter();

    /** A condition, with one parameter ({@link #textQuery}), that the article's title or text holds every word. */
    public abstract String textMatch(String articleAlias);

    /** The parameter of {@link #textMatch} for words of letters and digits only. */
    public abstract String textQuery(List<String> words);

    /** The clause that locks the rows a read inside a write transaction selected, empty where none is needed. */
    public abstract String lockForUpdate();

    /** Serialises schema migrations between processes, inside the migration's transaction. */

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (use jdbc:sqlite: or jdbc:postgresql:): " + jdbcUrl);
    }
}
