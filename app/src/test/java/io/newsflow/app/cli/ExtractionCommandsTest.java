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

class ExtractionCommandsTest {

    @TempDir
    Path dir;


    private Path pages() throws IOException {
        Path html = Files.createDirectories(dir.resolve("html"));
        try (InputStream in = getClass().getResourceAsStream("/demo/commentary/china-north-korea-climate.html")) {
            Files.write(html.resolve("seed.html"), in.readAllBytes());
        }
        return html;
    }

    @Test
    void evalExtractionPrintsOneJsonLineWithTheBenchmarkFields() throws IOException {
        Path html = pages();
        Path gold = dir.resolve("gold.json");
        Files.writeString(gold, "{\"seed\": {\"articleBody\": \"The threat from North Korea is real. The time for "
                + "name-calling has passed. The time for serious diplomacy is now.\", \"url\": \"https://x.example/\"}}");

        JsonNode json = CommandRun.of("eval", "extraction", "--html", html.toString(), "--gold", gold.toString(),
                "--out", dir.resolve("out").toString()).json();

        for (String field : new String[] {"pages", "precision", "recall", "f1", "accuracy", "pagesPerSecond"}) {
            assertTrue(json.has(field), field + " in " + json);
        }
        assertEquals(1, json.get("pages").asInt());
        assertEquals(1.0, json.get("recall").asDouble(), 1e-9);
        assertTrue(Files.exists(dir.resolve("out/seed.txt")) && Files.exists(dir.resolve("out/seed.json")));
    }

    @Test
    void benchExtractionPrintsThroughputsAndTheirRatio() throws IOException {
        JsonNode json = CommandRun.of("bench", "extraction", "--html", pages().toString(), "--warm-up", "0").json();
        for (String field : new String[] {"pages", "extractorPagesPerSecond", "jsoupPagesPerSecond", "ratio"}) {
            assertTrue(json.has(field), field + " in " + json);
        }
    }

    @Test
    void missingDirectoryIsAUsageError() {
        CommandRun eval = CommandRun.of("eval", "extraction", "--html", dir.resolve("nope").toString(), "--gold", "g.json");
        assertEquals(2, eval.exitCode());
        assertTrue(eval.err().contains("not a directory"), eval.err());
        CommandRun bench = CommandRun.of("bench", "extraction");
        assertEquals(2, bench.exitCode());
        assertTrue(bench.err().contains("--html"), bench.err());
    }
}
