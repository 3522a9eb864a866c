package io.newsflow.enrich.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.SourceHealth;
import io.newsflow.core.record.SourceStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Prometheus view of source health: per source, {@code newsflow_source_status} is 1 for its
 * current status and 0 for the others, beside the time of its last poll and its error streak.
 * Fed with every health record this instance computes.
 */
public final class SourceGauges {

    private final MeterRegistry registry;
    private final Map<String, SourceHealth> latest = new ConcurrentHashMap<>();

    public SourceGauges(MeterRegistry registry) {
        this.registry = registry;
    }

    public void update(SourceHealth health) {
        if (latest.put(health.source(), health) == null) {
            register(health.source());
        }
    }

    private void register(String source) {
        for (SourceStatus status : SourceStatus.values()) {
            Gauge.builder(MetricNames.SOURCE_STATUS, latest, l -> l.get(source).status() == status ? 1 : 0)
                    .tags(MetricNames.TAG_SOURCE, source, MetricNames.TAG_STATUS, status.label()).register(registry);
        }
        Gauge.builder(MetricNames.SOURCE_LAST_POLL, latest, l -> {
                    SourceHealth h = l.get(source);
                    return h.lastPollAt() == null ? Double.NaN : h.lastPollAt().toEpochMilli() / 1000.0;
                })
                .baseUnit("seconds")
                .tag(MetricNames.TAG_SOURCE, source).register(registry);
        Gauge.builder(MetricNames.SOURCE_ERROR_STREAK, latest, l -> l.get(source).errorStreak())
                .tag(MetricNames.TAG_SOURCE, source).register(registry);
    }
}
