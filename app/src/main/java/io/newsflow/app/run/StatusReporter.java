package io.newsflow.app.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.metrics.CounterTotals;
import io.newsflow.core.metrics.MetricNames;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one status line every few seconds: pages fetched, articles enriched, rows stored. */
public final class StatusReporter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("newsflow.status");

    private final MeterRegistry registry;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("newsflow-status"));

    public StatusReporter(MeterRegistry registry, long periodSeconds) {
        this.registry = registry;
        scheduler.scheduleAtFixedRate(this::report, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    /** The current status line. */
    public String line() {
        return String.format("pages fetched %d, failed %d | articles enriched %d, skipped %d | rows stored %d",
                count(MetricNames.FETCH_PAGES, "ok"), failedFetches(),
                count(MetricNames.ENRICH_RECORDS, "article"), count(MetricNames.ENRICH_RECORDS, "not_article"),
                count(MetricNames.SINK_ROWS, "written"));
    }

    private void report() {
        LOG.info(line());
    }

    private long count(String name, String outcome) {
        return (long) CounterTotals.sum(registry, name, outcome::equals);
    }

    private long failedFetches() {
        return (long) CounterTotals.sum(registry, MetricNames.FETCH_PAGES, o -> !MetricNames.FETCH_SUCCEEDED.contains(o));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
