package io.newsflow.sink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void theSqliteWriterKeepsItsBatchInMemoryAndReadersKeepTheDefaults() throws SQLException {
        Database database = Database.of("jdbc:sqlite:" + dir.resolve("newsflow.db"), "", "");
        try (Connection writer = database.open()) {
            assertEquals(-32 * 1024, pragma(writer, "cache_size"));
            assertEquals(2, pragma(writer, "temp_store"), "2 is MEMORY");
            assertEquals(1, pragma(writer, "synchronous"), "the settings of every connection still apply: NORMAL");
        }
        try (HikariDataSource pool = database.pool("test-readers", 1, true); Connection reader = pool.getConnection()) {
            assertEquals(-2000, pragma(reader, "cache_size"), "SQLite's default");
            assertEquals(0, pragma(reader, "temp_store"), "0 is SQLite's default");
        }
    }

    @Test
    void aSettingInTheUrlWinsOverTheDialectsAndTheWritersOwn() throws SQLException {
        Database database = Database.of("jdbc:sqlite:" + dir.resolve("newsflow.db") + "?cache_size=-4000&busy_timeout=1000", "", "");
        try (Connection writer = database.open()) {
            assertEquals(-4000, pragma(writer, "cache_size"));
            assertEquals(1000, pragma(writer, "busy_timeout"));
            assertEquals(2, pragma(writer, "temp_store"), "the settings the URL leaves out still apply");
        }
        try (HikariDataSource pool = database.pool("test-readers", 1, true); Connection reader = pool.getConnection()) {
            assertEquals(1000, pragma(reader, "busy_timeout"));
            assertEquals(-4000, pragma(reader, "cache_size"));
        }
    }

    private static int pragma(Connection c, String name) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
