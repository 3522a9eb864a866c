package io.newsflow.app.eval.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.enrich.tag.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
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
        Path dev = SharedData.require("data/extraction/aeb-dev");
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
}
