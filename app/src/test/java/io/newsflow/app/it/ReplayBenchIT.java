package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.app.testing.CommandRun;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench replay} end to end on the two fixture pages: both replays complete, every replayed
 * page is stored, and the line carries its figures. Speed itself is the bench's output, never asserted here.
 */
@Tag("integration")
class ReplayBenchIT {

    @Test
    @Timeout(240)
    void replaysWarcFilesThroughEnrichAndSinkAndStoresEveryPage(@TempDir Path html) throws Exception {
        for (String page : new String[] {"ports.html", "arctic.html"}) {
            try (InputStream in = ReplayBenchIT.class.getResourceAsStream("/pages/" + page)) {
                Files.write(html.resolve(page), in.readAllBytes());
            }
        }

        JsonNode line = CommandRun.of("bench", "replay", "--html", html.toString(), "--pages", "12", "--warmup", "4",
                "--duration", "90").json();

        assertEquals(4, line.path("warmupPages").asInt(), line.toString());
        assertEquals(12, line.path("pages").asInt(), line.toString());
        assertEquals(12, line.path("stored").asInt(), "every replayed page is stored: " + line);
        assertTrue(line.path("warcBytes").asLong() > 0, line.toString());
        double seconds = line.path("seconds").asDouble();
        assertTrue(seconds > 0 && line.path("publishSeconds").asDouble() <= seconds, line.toString());
        // the rate is printed to 0.1 and the seconds to 0.01, each rounded from the same measurement
        assertEquals(12 / seconds, line.path("pagesPerSecond").asDouble(), 0.05 + 12 / seconds * 0.005 / seconds + 0.01,
                line.toString());
        assertTrue(line.path("warmupSeconds").asDouble() > 0 && line.path("warmupPagesPerSecond").asDouble() > 0, line.toString());
        assertTrue(line.path("cpuMsPerPage").asDouble() > 0, line.toString());
    }
}
