package io.newsflow.enrich.extract.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.core.json.JsonCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Guards extraction quality: F1 on the public development pages must not fall more than 0.005
 * below the figure recorded in {@code extraction-baseline.json}. Raise the recorded figure when an
 * improvement lands, so the next regression is caught.
 */
class ExtractionRegressionTest {

    private static final double TOLERANCE = 0.005;

    @Test
    void devSetF1StaysAtTheRecordedBaseline() throws IOException {
        Path dev = devSet();
        assumeTrue(dev != null, "skipped: shared/data/extraction/aeb-dev not found next to the repository "
                + "(the public dev pages are not part of the repo)");
        JsonNode baseline;
        try (InputStream in = getClass().getResourceAsStream("/extraction-baseline.json")) {
            assertNotNull(in, "extraction-baseline.json");
            baseline = JsonCodec.MAPPER.readTree(in);
        }
        ExtractionEval.Result result = new ExtractionEval().run(dev.resolve("html"), dev.resolve("ground-truth.json"), null);
        assertEquals(baseline.path("pages").asInt(), result.pages(), "dev pages");
        double recorded = baseline.path("f1").asDouble();
        assertTrue(result.f1() >= recorded - TOLERANCE, String.format(
                "dev F1 %.4f fell more than %.3f below the recorded %.4f (precision %.4f, recall %.4f); worst: %s",
                result.f1(), TOLERANCE, recorded, result.precision(), result.recall(),
                result.worst().subList(0, Math.min(5, result.worst().size()))));
    }

    // tests run in the module directory; the data sits beside the repository root
    private static @Nullable Path devSet() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/extraction/aeb-dev");
            if (Files.isRegularFile(candidate.resolve("ground-truth.json")) && Files.isDirectory(candidate.resolve("html"))) {
                return candidate;
            }
        }
        return null;
    }
}
