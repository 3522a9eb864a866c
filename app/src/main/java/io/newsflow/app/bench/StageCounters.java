package io.newsflow.app.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.metrics.CounterTotals;
import io.newsflow.core.metrics.MetricNames;

/** The pipeline's counters a bench waits on: pages enriched or skipped as not articles, and rows stored. */
record StageCounters(MeterRegistry registry) {

    long enriched() {
        return count(MetricNames.ENRICH_RECORDS, "article");
    }

    long processed() {
        return enriched() + count(MetricNames.ENRICH_RECORDS, "not_article");
    }

    long stored() {
        return count(MetricNames.SINK_ROWS, "written");
    }

    private long count(String name, String outcome) {
        return (long) CounterTotals.sum(registry, name, outcome::equals);
    }
}
