package io.newsflow.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.metrics.MetricNames;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThroughputSamplerTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong lag = new AtomicLong(-1);
    private final ThroughputSampler sampler = new ThroughputSampler(registry, List.of("sink"));

    private void fetched(String outcome, int n) {
        registry.counter(MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, outcome).increment(n);
    }

    @Test
    void countsMadeBeforeTheSamplerStartedShowInTheFirstRate() {
        // the stages start before the dashboard: a small site may be fetched before its first sample
        fetched("ok", 2);
        sampler.anchorAtZero(0);
        sampler.sample(1000);
        sampler.sample(2000);

        ThroughputSampler.Series series = sampler.snapshot();

        assertEquals(List.of(2.0, 0.0), series.rates().get("fetched"));
        assertEquals(Arrays.asList(null, null), series.lag().get("sink"), "no lag known at start");
    }

    @Test
    void ratesAreDifferencesOfConsecutiveSamplesPerSecond() {
        sampler.sample(0);
        fetched("ok", 3);
        fetched("unchanged", 1);
        registry.counter(MetricNames.SINK_ROWS, MetricNames.TAG_OUTCOME, "written").increment(2);
        sampler.sample(1000);
        fetched("ok", 4);
        sampler.sample(3000);

        ThroughputSampler.Series series = sampler.snapshot();

        assertEquals(List.of(1000L, 3000L), series.t());
        assertEquals(List.of(4.0, 2.0), series.rates().get("fetched"));
        assertEquals(List.of(2.0, 0.0), series.rates().get("stored"));
        assertEquals(List.of(0.0, 0.0), series.rates().get("enriched"));
    }

    @Test
    void failedFetchesAndDeadLettersCountAsErrors() {
        sampler.sample(0);
        fetched("http_5xx", 2);
        fetched("SocketTimeoutException", 1);
        fetched("ok", 5);
        registry.counter(MetricNames.DEAD_LETTERS, MetricNames.TAG_STAGE, "enrich", MetricNames.TAG_REASON, "json").increment();
        sampler.sample(1000);

        assertEquals(List.of(4.0), sampler.snapshot().rates().get("errors"));
    }

    @Test
    void lagIsUnknownUntilTheGaugeHasAValue() {
        Gauge.builder(MetricNames.CONSUMER_LAG, lag, l -> l.get() < 0 ? Double.NaN : l.get())
                .tags(MetricNames.TAG_STAGE, "sink", MetricNames.TAG_GROUP, "g").register(registry);
        sampler.sample(0);
        sampler.sample(1000);
        lag.set(7);
        sampler.sample(2000);

        assertEquals(Arrays.asList(null, 7.0), sampler.snapshot().lag().get("sink"));
    }

    @Test
    void keepsOnlyTheLastTenMinutes() {
        for (int i = 0; i < ThroughputSampler.CAPACITY + 50; i++) {
            fetched("ok", 1);
            sampler.sample(i * 1000L);
        }
        ThroughputSampler.Series series = sampler.snapshot();

        assertEquals(ThroughputSampler.CAPACITY - 1, series.t().size());
        assertEquals((ThroughputSampler.CAPACITY + 49) * 1000L, series.t().get(series.t().size() - 1));
        assertEquals(1.0, series.rates().get("fetched").get(0));
    }

    @Test
    void aCounterThatRestartsCountsAsZeroNotNegative() {
        SimpleMeterRegistry restarted = new SimpleMeterRegistry();
        ThroughputSampler s = new ThroughputSampler(restarted, List.of());
        restarted.counter(MetricNames.SINK_ROWS, MetricNames.TAG_OUTCOME, "written").increment(10);
        s.sample(0);
        restarted.clear();
        s.sample(1000);

        assertEquals(List.of(0.0), s.snapshot().rates().get("stored"));
    }
}
