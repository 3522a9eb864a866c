package io.newsflow.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.sink.jdbc.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteBenchTest {

    @TempDir
    Path dir;

    @Test
    void writesTheWarmUpAndTheMeasuredRowsAndReportsThemApart() throws SQLException {
        Database db = Database.of("jdbc:sqlite:" + dir.resolve("bench.db"), "", "");

        WriteBench.Result result = WriteBench.run(db, new WriteBench.Settings(30, 120, 50, 2));

        assertEquals(150, count(db, "articles"), "warm-up and measured rows are new rows, the replay adds none");
        assertEquals(3 * 150, count(db, "article_countries"), "three countries an article");
        Map<String, Object> json = result.json();
        assertEquals("sqlite", json.get("backend"));
        assertEquals(30, json.get("warmup_rows"));
        assertEquals(120, json.get("rows"));
        assertEquals(1, json.get("writers"), "SQLite is written on one connection whatever was asked");
        assertTrue(result.warmupRowsPerSecond() > 0 && result.insertRowsPerSecond() > 0 && result.replayRowsPerSecond() > 0,
                json::toString);
        assertTrue(result.insertJitCpuSeconds() >= 0, json::toString);
        JvmMode jvm = JvmMode.current();
        assertEquals(jvm.compiler(), json.get("compiler"));
        assertEquals(jvm.gc(), json.get("gc"));
        assertEquals(jvm.hugePages(), json.get("huge_pages"));
    }

    @Test
    void noWarmUpMeasuresFromTheFirstRow() throws SQLException {
        Database db = Database.of("jdbc:sqlite:" + dir.resolve("cold.db"), "", "");

        WriteBench.Result result = WriteBench.run(db, new WriteBench.Settings(0, 40, 500, 1));

        assertEquals(40, count(db, "articles"));
        assertEquals(0, result.warmupRowsPerSecond());
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WriteBench.Settings(-1, 10, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new WriteBench.Settings(0, 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new WriteBench.Settings(0, 10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new WriteBench.Settings(0, 10, 10, 0));
    }

    private static long count(Database db, String table) throws SQLException {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
