package io.newsflow.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.metrics.FreshnessHistogram;
import io.newsflow.core.metrics.MetricNames;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DashboardFreshnessTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    private Timer freshness() {
        registry.config().meterFilter(new FreshnessHistogram());
        return registry.timer(MetricNames.FRESHNESS);
    }

    @Test
    void showsPercentilesOfTheRecentWindow() {
        Timer timer = freshness();
        timer.record(Duration.ofSeconds(3));
        Dashboard.Freshness f = Dashboard.freshnessOf(timer);
        assertEquals(1, f.count());
        assertNotNull(f.percentiles().get("p50"));
        assertEquals(3.0, f.percentiles().get("p50"), 0.2);
        assertEquals(3.0, f.maxSeconds());
    }

    @Test
    void anEmptyWindowHasNoPercentilesRatherThanZero() {
        Timer timer = freshness();
        timer.record(Duration.ofSeconds(3));
        clock.add(1, TimeUnit.HOURS);
        Dashboard.Freshness f = Dashboard.freshnessOf(timer);
        assertEquals(1, f.count(), "the article stored an hour ago still counts");
        assertEquals(3.0, f.meanSeconds(), "the mean is since start");
        assertEquals(3, f.percentiles().size());
        f.percentiles().forEach((name, value) -> assertNull(value, name + " of an empty window"));
        assertNull(f.maxSeconds(), "max of an empty window");
    }

    @Test
    void noTimerYetMeansNoFigures() {
        Dashboard.Freshness f = Dashboard.freshnessOf(null);
        assertEquals(0, f.count());
        assertNull(f.meanSeconds());
    }
}
