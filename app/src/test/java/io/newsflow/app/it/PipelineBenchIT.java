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
        // the line prints rates to 0.1 and ratios to 0.001, computed before rounding, so the ratios agree up to
        // that rounding: relative to the rates, which are small here (12 pages)
        assertEquals(result.pagesPerSecond() / result.parseOnlyPagesPerSecond(), result.ratioToParseOnly(),
                roundingOfRatio(result.pagesPerSecond(), result.parseOnlyPagesPerSecond()));
        assertEquals(result.pagesPerSecond() / result.kafkaOnlyPagesPerSecond(), result.ratioToKafkaOnly(),
                roundingOfRatio(result.pagesPerSecond(), result.kafkaOnlyPagesPerSecond()));
        assertTrue(result.freshnessP50Ms() >= 0 && result.freshnessP50Ms() <= result.freshnessP95Ms()
                && result.freshnessP95Ms() <= result.freshnessP99Ms(), result.toString());
        assertTrue(result.enrichMsPerArticle() > 0 && result.storyMsPerArticle() > 0, "step times of the peak phase: " + result);
        assertEquals(result.storyMsPerArticle() / result.enrichMsPerArticle(), result.storyToEnrichRatio(), 0.01);
        assertTrue(result.peakHeapMb() > 0 && result.peakLiveHeapMb() <= result.peakHeapMb(), result.toString());
        // the running pipeline holds its taggers' models, tens of megabytes, on top of what the bench held before
        assertTrue(result.benchLiveHeapMb() > 0 && result.peakLiveHeapMb() > result.benchLiveHeapMb(), result.toString());
    }

    /** How far a ratio of two rates printed to 0.1 can be from the ratio printed to 0.001 of the unrounded rates. */
    private static double roundingOfRatio(double numerator, double denominator) {
        return 0.0006 + numerator / denominator * (0.05 / numerator + 0.05 / denominator);
    }
}
