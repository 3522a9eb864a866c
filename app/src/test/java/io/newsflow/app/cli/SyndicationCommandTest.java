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

class SyndicationCommandTest {

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

        assertEquals(0, run("eval", "syndication", "--html", html.toString(), "--gold", gold.toString()), err.toString());

        String[] lines = out.toString().strip().split("\n");
        assertEquals(1, lines.length, out.toString());
        JsonNode json = JsonCodec.MAPPER.readTree(lines[0]);
        assertEquals(2, json.get("articles").asInt());
        assertEquals(0.4, json.get("minOverlap").asDouble());
        assertEquals(3, json.path("heldOut").path("positives").asInt(), lines[0]);
        assertEquals(1.0, json.path("heldOut").path("recall").asDouble(), lines[0]);
        assertEquals(3, json.path("dev").path("pairs").asInt(), lines[0]);
        assertTrue(err.toString().contains("dev min.overlap=0.40"), err.toString());
    }

    @Test
    void missingGoldAndMinOverlapOutsideZeroToOneAreUsageErrors() throws IOException {
        assertEquals(2, run("eval", "syndication", "--html", dir.toString(), "--gold", dir.resolve("g.json").toString()));
        assertTrue(err.toString().contains("--gold"), err.toString());
        Path gold = Files.writeString(dir.resolve("gold.json"), "{}");
        assertEquals(2, run("eval", "syndication", "--html", dir.toString(), "--gold", gold.toString(), "--min-overlap", "1.5"));
        assertTrue(err.toString().contains("--min-overlap: must be within (0, 1], was 1.5"), err.toString());
    }
}
