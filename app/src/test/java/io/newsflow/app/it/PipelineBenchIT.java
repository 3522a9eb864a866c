package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.bench.PipelineBench;
import io.newsflow.core.config.NewsflowConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline bench end to end on the two fixture pages: every phase completes and the figures
 * are consistent with each other. Speed itself is the bench's output, never asserted here.
 */
@Tag("integration")
class PipelineBenchIT {

    @Test
    @Timeout(240)
    void runsWarmUpPeakAndPacedPhasesAndReportsConsistentFigures(@TempDir Path html) throws Exception {
        for (String page : new String[] {"ports.html", "arctic.html"}) {
            try (InputStream in = PipelineBenchIT.class.getResourceAsStream("/pages/" + page)) {
                Files.write(html.resolve(page), in.readAllBytes());
            }
        }
        PipelineBench.Settings settings = new PipelineBench.Settings(4, 12, 4, Duration.ofSeconds(2), Duration.ofSeconds(90));

        PipelineBench.Result result = new PipelineBench(html, settings, NewsflowConfig.of(Map.of()), System.err).run();

        assertEquals(4, result.warmupPages());
        assertEquals(12, result.pages());
        assertEquals(12, result.articles(), "every fixture page is an article");
        assertEquals(4.0, result.freshnessPagesPerSecond());
        assertEquals(8, result.freshnessPages(), "4 pages/s for 2 s");
        assertTrue(result.pagesPerSecond() > 0 && result.seconds() > 0 && result.cpuMsPerPage() > 0, result.toString());
        // the line prints rates to 0.1 and ratios to 0.001, so the ratios agree up to that rounding
        assertEquals(result.pagesPerSecond() / result.parseOnlyPagesPerSecond(), result.ratioToParseOnly(), 0.002);
        assertEquals(result.pagesPerSecond() / result.kafkaOnlyPagesPerSecond(), result.ratioToKafkaOnly(), 0.002);
        assertTrue(result.freshnessP50Ms() >= 0 && result.freshnessP50Ms() <= result.freshnessP95Ms()
                && result.freshnessP95Ms() <= result.freshnessP99Ms(), result.toString());
        assertTrue(result.peakHeapMb() > 0 && result.peakLiveHeapMb() > 0 && result.peakLiveHeapMb() <= result.peakHeapMb(),
                result.toString());
    }
}
