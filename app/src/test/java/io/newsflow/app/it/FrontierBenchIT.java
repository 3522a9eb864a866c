package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.bench.FrontierBench;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.ingest.IngestConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frontier bench end to end on a few thousand URLs: every phase completes, the restarted and
 * the restored store answer for every URL (the bench checks that itself), and the figures are
 * consistent. Speed and memory are the bench's output, never asserted here.
 */
@Tag("integration")
class FrontierBenchIT {

    @Test
    @Timeout(180)
    void recordsRestartsRestoresAndReportsConsistentFigures(@TempDir Path dir) {
        FrontierBench.Result result = new FrontierBench(5_000, dir, new IngestConfig(NewsflowConfig.of(Map.of())), System.err).run();

        assertEquals(5_000, result.urls());
        assertEquals(0.5, result.lookupHitRatio(), 0.05, "lookups ask for known and unknown URLs alike");
        assertTrue(result.lookupsPerSecond() > 0 && result.restoreSeconds() > 0 && result.restartSeconds() > 0
                && result.recordSeconds() > 0, result.toString());
        assertTrue(result.liveHeapMb() > 0 && result.residentMb() >= result.liveHeapMb(), result.toString());
        assertTrue(result.stateMbPerMillionUrls() > 0 && result.topicMbPerMillionUrls() > 0, result.toString());
        assertEquals(64L << 20, result.cacheBytes());
    }
}
