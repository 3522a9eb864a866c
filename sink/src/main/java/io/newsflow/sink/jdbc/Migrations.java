package io.newsflow.sink.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned SQL scripts {@code db/<dialect>/V<n>.sql} in order, each in its own
 * transaction, and records each in {@code newsflow_schema_version}, so a database at any earlier
 * version is brought up to date and none is changed twice.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /** Brings the schema up to the newest version and returns that version. */
    public static int apply(Connection connection, String dialect) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS newsflow_schema_version ("
                        + "version INTEGER PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)");
            }
            connection.commit();
            int current = currentVersion(connection);
            int version = current;
            for (int next = current + 1; ; next++) {
                String script = script(dialect, next);
                if (script == null) {
                    break;
                }
                try (Statement st = connection.createStatement()) {
                    for (String sql : statements(script)) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO newsflow_schema_version (version, applied_at) VALUES (?, ?)")) {
                    ps.setInt(1, next);
                    ps.setString(2, java.time.Instant.now().toString());
                    ps.executeUpdate();
                }
                connection.commit();
                version = next;
                LOG.info("schema migrated to version {} ({})", next, dialect);
            }
            return version;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM newsflow_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String script(String dialect, int version) {
        String path = "db/" + dialect + "/V" + version + ".sql";
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + path, e);
        }
    }

    /** Splits a script on semicolons that end a line; the scripts hold no procedural bodies. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
