package io.newsflow.core.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Publishes {@link MetricNames#FRESHNESS} with client-side percentiles (p50, p90, p99, for the
 * dashboard and {@code newsflow stats}) and a Prometheus histogram (for aggregating over
 * instances). Register it on a registry before the sink records the first value.
 */
public final class FreshnessHistogram implements MeterFilter {

    /** The percentiles every process publishes for freshness. */
    public static final double[] PERCENTILES = {0.5, 0.9, 0.99};

    // from an article stored right away to one replayed from an archive hours later
    private static final Duration MIN = Duration.ofMillis(10);
    private static final Duration MAX = Duration.ofHours(6);

    @Override
    public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!MetricNames.FRESHNESS.equals(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .percentiles(PERCENTILES)
                .percentilesHistogram(true)
                .percentilePrecision(2)
                .minimumExpectedValue((double) MIN.toNanos())
                .maximumExpectedValue((double) MAX.toNanos())
                .build()
                .merge(config);
    }
}
