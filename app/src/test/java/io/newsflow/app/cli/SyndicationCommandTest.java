package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.app.testing.CommandRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyndicationCommandTest {

    @TempDir
    Path dir;


    @Test
    void evalSyndicationPrintsOneJsonLineWithBothHalvesAndTheSweepOnStderr() throws IOException {
        Path html = Files.createDirectories(dir.resolve("html"));
        for (String id : new String[] {"0a", "9b"}) {
            try (InputStream in = getClass().getResourceAsStream("/demo/commentary/china-north-korea-climate.html")) {
                Files.write(html.resolve(id + ".html"), in.readAllBytes());
            }
        }
        Path gold = dir.resolve("gold.json");
        Files.writeString(gold, "{\"0a\": {\"url\": \"https://x.example/a\"}, \"9b\": {\"url\": \"https://x.example/b\"}}");

        CommandRun run = CommandRun.of("eval", "syndication", "--html", html.toString(), "--gold", gold.toString());

        JsonNode json = run.json();
        String line = run.out();
        assertEquals(2, json.get("articles").asInt());
        assertEquals(0.4, json.get("minOverlap").asDouble());
        assertEquals(3, json.path("heldOut").path("positives").asInt(), line);
        assertEquals(1.0, json.path("heldOut").path("recall").asDouble(), line);
        assertEquals(3, json.path("dev").path("pairs").asInt(), line);
        assertTrue(run.err().contains("dev min.overlap=0.40"), run.err());
    }

    @Test
    void missingGoldAndMinOverlapOutsideZeroToOneAreUsageErrors() throws IOException {
        CommandRun noGold = CommandRun.of("eval", "syndication", "--html", dir.toString(), "--gold", dir.resolve("g.json").toString());
        assertEquals(2, noGold.exitCode());
        assertTrue(noGold.err().contains("--gold"), noGold.err());
        Path gold = Files.writeString(dir.resolve("gold.json"), "{}");
        CommandRun outside = CommandRun.of("eval", "syndication", "--html", dir.toString(), "--gold", gold.toString(), "--min-overlap", "1.5");
        assertEquals(2, outside.exitCode());
        assertTrue(outside.err().contains("--min-overlap: must be within (0, 1], was 1.5"), outside.err());
    }
}
