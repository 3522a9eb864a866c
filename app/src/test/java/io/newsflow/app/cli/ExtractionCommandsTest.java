package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.core.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractionCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Newsflow.commandLine();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(out));
        return cli.execute(args);
    }

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

        assertEquals(0, run("eval", "extraction", "--html", html.toString(), "--gold", gold.toString(),
                "--out", dir.resolve("out").toString()), err.toString());

        String[] lines = out.toString().strip().split("\n");
        assertEquals(1, lines.length, out.toString());
        JsonNode json = JsonCodec.MAPPER.readTree(lines[0]);
        for (String field : new String[] {"pages", "precision", "recall", "f1", "accuracy", "pagesPerSecond"}) {
            assertTrue(json.has(field), field + " in " + lines[0]);
        }
        assertEquals(1, json.get("pages").asInt());
        assertEquals(1.0, json.get("recall").asDouble(), 1e-9);
        assertTrue(Files.exists(dir.resolve("out/seed.txt")) && Files.exists(dir.resolve("out/seed.json")));
    }

    @Test
    void benchExtractionPrintsThroughputsAndTheirRatio() throws IOException {
        assertEquals(0, run("bench", "extraction", "--html", pages().toString(), "--warm-up", "0"), err.toString());
        JsonNode json = JsonCodec.MAPPER.readTree(out.toString().strip());
        for (String field : new String[] {"pages", "extractorPagesPerSecond", "jsoupPagesPerSecond", "ratio"}) {
            assertTrue(json.has(field), field + " in " + out);
        }
    }

    @Test
    void missingDirectoryIsAUsageError() {
        assertEquals(2, run("eval", "extraction", "--html", dir.resolve("nope").toString(), "--gold", "g.json"));
        assertTrue(err.toString().contains("not a directory"), err.toString());
        assertEquals(2, run("bench", "extraction"));
        assertTrue(err.toString().contains("--html"), err.toString());
    }
}
