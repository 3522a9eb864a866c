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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned SQL scripts {@code db/<dialect>/V<n>.sql} in order, each in its own
 * transaction, and records each in {@code newsflow_schema_version}, so a database at any earlier
 * version is brought up to date and none is changed twice.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * Brings the schema up to the newest version and returns that version. Each step takes the
     * dialect's schema lock and re-reads the version inside its transaction, so concurrent starts
     * apply each script once.
     */
    static int apply(Connection connection, Dialect dialect) throws SQLException {
        return apply(connection, dialect, Integer.MAX_VALUE);
    }

    /** Brings the schema up to {@code target} at most, e.g. to set up a database at an old version. */
    static int apply(Connection connection, Dialect dialect, int target) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            dialect.lockSchema(connection);
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS newsflow_schema_version ("
                        + "version INTEGER PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)");
            }
            connection.commit();
            while (true) {
                dialect.lockSchema(connection);
                int current = currentVersion(connection);
                String script = current >= target ? null : script(dialect.resourceDir(), current + 1);
                if (script == null) {
                    connection.commit();
                    return current;
                }
                try (Statement st = connection.createStatement()) {
                    for (String sql : statements(script)) {
                        st.execute(sql);
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO newsflow_schema_version (version, applied_at) VALUES (?, ?)")) {
                    ps.setInt(1, current + 1);
                    ps.setString(2, Instant.now().toString());
                    ps.executeUpdate();
                }
                connection.commit();
                LOG.info("schema migrated to version {} ({})", current + 1, dialect.resourceDir());
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection, e);
            throw e;
        } finally {
            if (!connection.isClosed()) {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The newest version a script exists for: what {@link #apply} brings a database to. */
    static int latestVersion(Dialect dialect) {
        int version = 0;
        while (script(dialect.resourceDir(), version + 1) != null) {
            version++;
        }
        return version;
    }

    private static void rollbackQuietly(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM newsflow_schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static @Nullable String script(String dialect, int version) {
        String path = "db/" + dialect + "/V" + version + ".sql";
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + path, e);
        }
    }

    /**
     * Splits a script on semicolons that end a line. A trigger body, from a line ending in
     * {@code BEGIN} to a line {@code END;}, stays one statement.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.toUpperCase(java.util.Locale.ROOT).endsWith("BEGIN")) {
                inBody = true;
            } else if (inBody && trimmed.equalsIgnoreCase("END;")) {
                inBody = false;
            }
            if (!inBody && trimmed.endsWith(";")) {
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
