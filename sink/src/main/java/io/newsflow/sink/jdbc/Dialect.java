package io.newsflow.sink.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The SQL dialects the sink speaks, chosen from the JDBC URL. */
public enum Dialect {
    SQLITE("sqlite") {
        @Override
        void configure(Connection connection) throws SQLException {
            try (Statement st = connection.createStatement()) {
                // WAL lets readers (API, sqlite3 shell) query while the sink writes
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA foreign_keys=ON");
                st.execute("PRAGMA busy_timeout=5000");
                st.execute("PRAGMA synchronous=NORMAL");
            }
        }
    },
    POSTGRESQL("postgresql") {
        @Override
        void configure(Connection connection) {
        }
    };

    private final String resourceDir;

    Dialect(String resourceDir) {
        this.resourceDir = resourceDir;
    }

    String resourceDir() {
        return resourceDir;
    }

    abstract void configure(Connection connection) throws SQLException;

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (use jdbc:sqlite: or jdbc:postgresql:): " + jdbcUrl);
    }
}
