package io.newsflow.app.eval.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.core.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionEvalTest {

    @TempDir
    Path dir;

    private static byte[] fixture() throws IOException {
        try (InputStream in = ExtractionEvalTest.class.getResourceAsStream("/pages/china-north-korea-climate.html")) {
            return in.readAllBytes();
        }
    }

    @Test
    void scoresPlainAndGzippedPagesAndWritesBodiesAndMetadata() throws IOException {
        Path html = Files.createDirectories(dir.resolve("html"));
        Files.write(html.resolve("plain.html"), fixture());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(html.resolve("zipped.html.gz")))) {
            out.write(fixture());
        }
        String body = "The threat from North Korea is real. The time for name-calling has passed. "
                + "The time for serious diplomacy is now.";
        Path gold = dir.resolve("gold.json");
        Files.writeString(gold, "{\"plain\": {\"articleBody\": \"" + body + "\", \"url\": \"https://x.example/a\"},"
                + " \"zipped\": {\"articleBody\": \"" + body + "\", \"url\": \"https://x.example/b\"},"
                + " \"missing\": {\"articleBody\": \"" + body + "\", \"url\": \"https://x.example/c\"}}");
        Path out = dir.resolve("out");

        ExtractionEval.Result result = new ExtractionEval().run(html, gold, out);

        assertEquals(3, result.pages());
        assertEquals(1.0, result.recall() * 3 / 2, 1e-9, "both present pages recall the whole gold body");
        assertTrue(result.precision() < 1.0, "the gold is only the last paragraph");
        assertEquals("missing", result.worst().get(0).id());
        assertTrue(Files.readString(out.resolve("plain.txt"), StandardCharsets.UTF_8)
                .endsWith("The time for serious diplomacy is now."));
        JsonNode meta = JsonCodec.MAPPER.readTree(out.resolve("zipped.json").toFile());
        assertEquals("Max Baucus", meta.path("authors").get(0).asText());
        assertTrue(meta.path("text").isMissingNode(), "the body goes to the .txt file only");
    }

    @Test
    void benchMeasuresBothSidesOnTheSamePages() throws IOException {
        Files.write(dir.resolve("a.html"), fixture());
        ExtractionBench.Result result = new ExtractionBench(Duration.ZERO).run(dir);
        assertEquals(1, result.pages());
        assertTrue(result.extractorPagesPerSecond() > 0 && result.jsoupPagesPerSecond() > 0);
        assertEquals(result.extractorPagesPerSecond() / result.jsoupPagesPerSecond(), result.ratio(), 1e-9);
    }
}
