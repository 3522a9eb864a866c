package io.newsflow.ingest.fetch;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.status.HostStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the fetchers of one instance know of each host they crawl: fetches, failures, the last
 * fetch, a back-off and the robots.txt verdict, so operators see which hosts are healthy, backing
 * off or blocked without reading logs.
 */
final class HostLedger {

    private static final class Entry {
        String source = "";
        long fetched;
        long failed;
        @Nullable Instant lastFetchAt;
        @Nullable Instant retryAt;
        boolean blockedByRobots;
        @Nullable String detail;
    }

    private final Map<String, Entry> hosts = new ConcurrentHashMap<>();
    private final Clock clock;

    HostLedger(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** A fetch ended with {@code outcome}; the host may be asked again after {@code delay}. */
    void fetched(String host, String source, String outcome, boolean failed, Duration delay) {
        Instant now = clock.instant();
        Entry e = entry(host);
        synchronized (e) {
            e.source = source;
            e.lastFetchAt = now;
            e.blockedByRobots = false;
            e.detail = outcome;
            if (failed) {
                e.failed++;
                e.retryAt = now.plus(delay);
            } else {
                e.fetched++;
                e.retryAt = null;
            }
        }
    }

    /** robots.txt disallows {@code url}, which the crawler wanted from this host. */
    void disallowed(String host, String source, String url) {
        Entry e = entry(host);
        synchronized (e) {
            e.source = source;
            e.blockedByRobots = true;
            e.detail = "robots.txt disallows " + url;
        }
    }

    /** robots.txt could not be read, so the host is not asked until {@code retryIn} has passed. */
    void robotsUnavailable(String host, String source, Duration retryIn) {
        Instant now = clock.instant();
        Entry e = entry(host);
        synchronized (e) {
            e.source = source;
            e.failed++;
            e.retryAt = now.plus(retryIn);
            e.detail = "robots.txt unavailable";
        }
    }

    private Entry entry(String host) {
        return hosts.computeIfAbsent(host, key -> new Entry());
    }

    /** A snapshot of every host, by name. */
    List<HostStatus> snapshot() {
        Instant now = clock.instant();
        return hosts.entrySet().stream()
                .map(h -> {
                    Entry e = h.getValue();
                    synchronized (e) {
                        return new HostStatus(h.getKey(), e.source, state(e, now), e.fetched, e.failed,
                                e.lastFetchAt, e.retryAt, e.detail);
                    }
                })
                .sorted(Comparator.comparing(HostStatus::host))
                .toList();
    }

    private static HostStatus.State state(Entry e, Instant now) {
        if (e.blockedByRobots) {
            return HostStatus.State.BLOCKED_BY_ROBOTS;
        }
        if (e.retryAt != null && e.retryAt.isAfter(now)) {
            return HostStatus.State.BACKING_OFF;
        }
        return HostStatus.State.OK;
    }
}
