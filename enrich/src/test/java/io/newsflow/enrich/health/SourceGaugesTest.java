package io.newsflow.enrich.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.metrics.CatalogueFilter;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.SourceHealth;
import io.newsflow.core.record.SourceStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SourceGauges gauges = new SourceGauges(registry);

    SourceGaugesTest() {
        // as every newsflow process's registry: a gauge the catalogue refuses throws here, as it did in
        // the source-health punctuation of a running enrich, which then shut its Streams client down
        registry.config().meterFilter(new CatalogueFilter());
    }

    @Test
    void exportsStatusLastPollAndErrorStreakOfEachSourceAsTheCatalogueDefinesThem() {
        Instant polled = Instant.parse("2026-11-28T08:00:00Z");
        gauges.update(health("wire", SourceStatus.OK, polled, 0));
        gauges.update(health("wire", SourceStatus.FAILING, polled.plusSeconds(60), 3));

        assertEquals(1, registry.get(MetricNames.SOURCE_STATUS).tags("source", "wire", "status", "failing").gauge().value());
        assertEquals(0, registry.get(MetricNames.SOURCE_STATUS).tags("source", "wire", "status", "ok").gauge().value());
        assertEquals(polled.getEpochSecond() + 60, registry.get(MetricNames.SOURCE_LAST_POLL).tag("source", "wire").gauge().value());
        assertEquals(3, registry.get(MetricNames.SOURCE_ERROR_STREAK).tag("source", "wire").gauge().value());
        assertEquals(MetricNames.definition(MetricNames.SOURCE_ERROR_STREAK).orElseThrow().help(),
                registry.get(MetricNames.SOURCE_ERROR_STREAK).gauge().getId().getDescription());
    }

    private static SourceHealth health(String source, SourceStatus status, Instant lastPoll, int errorStreak) {
        return new SourceHealth(source, status, "test", lastPoll, "feed", "https://news.example/feed.xml", lastPoll, "ok", 200, null,
                errorStreak, null, null, 0, 0, 0, 0, 0, 0, 0);
    }
}
