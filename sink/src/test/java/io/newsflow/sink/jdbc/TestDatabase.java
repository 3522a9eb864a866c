package io.newsflow.sink.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test: a SQLite file in a temp dir, or a schema of its own on the
 * PostgreSQL server at 127.0.0.1:5432 (database {@code test}, trust auth), dropped on close. When
 * no server answers, the test is skipped with a message saying so.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String jdbcUrl;
    private final String user;
    private final String schema;

    private TestDatabase(String jdbcUrl, String user, String schema) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.schema = schema;
    }

    public static TestDatabase of(Dialect dialect, Path dir) {
        return dialect == Dialect.SQLITE ? sqlite(dir) : postgres();
    }

    public static TestDatabase sqlite(Path dir) {
        return new TestDatabase("jdbc:sqlite:" + dir.resolve("newsflow.db"), "", "");
    }

    public static TestDatabase postgres() {
        String schema = "sink_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        SQLException last = null;
        for (String user : new String[] {"postgres", System.getProperty("user.name")}) {
            try (Connection c = DriverManager.getConnection(POSTGRES_URL + "?connectTimeout=3", user, "");
                    Statement st = c.createStatement()) {
                st.execute("CREATE SCHEMA " + schema);
                return new TestDatabase(POSTGRES_URL + "?currentSchema=" + schema, user, schema);
            } catch (SQLException e) {
                last = e;
            }
        }
        Assumptions.abort("no PostgreSQL reachable at " + POSTGRES_URL + " (user postgres or "
                + System.getProperty("user.name") + "): " + last.getMessage());
        throw new AssertionError("unreachable");
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public Database database() {
        return Database.of(jdbcUrl, user, "");
    }

    /** A direct connection for setting up and checking, outside the code under test. */
    public Connection connect() throws SQLException {
        return database().open();
    }

    public long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        if (schema.isEmpty()) {
            return;
        }
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, user, ""); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
