package io.newsflow.ingest.state;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.lifecycle.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the crawler state end: every {@code newsflow.ingest.state.retention.sweep.ms} it drops the
 * URLs that no source has listed and that were not fetched within
 * {@code newsflow.ingest.state.retention.ms}, and tombstones them on {@code newsflow.url-status}.
 */
public final class RetentionSweep implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);

    private final UrlStateStore store;
    private final Duration retention;
    private final Duration every;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.factory("newsflow-state-retention"));

    public RetentionSweep(UrlStateStore store, Duration retention, Duration every, Clock clock) {
        this.store = requireNonNull(store, "store");
        this.retention = requireNonNull(retention, "retention");
        this.every = requireNonNull(every, "every");
        this.clock = requireNonNull(clock, "clock");
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::sweepNow, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sweeps once; returns how many URLs were dropped. */
    public long sweepNow() {
        try {
            long dropped = store.sweep(clock.instant().minus(retention));
            if (dropped > 0) {
                LOG.info("crawler state: dropped {} URLs not listed nor fetched for {} days", dropped, retention.toDays());
            }
            return dropped;
        } catch (RuntimeException e) {
            LOG.error("crawler state sweep failed", e);
            return 0;
        }
    }

    @Override
    public void close() {
        DaemonThreads.stop(scheduler, Duration.ofSeconds(10));
    }
}
