package io.newsflow.core.status;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One crawled host as the ingest stage sees it.
 *
 * @param host the host name, e.g. {@code www.brookings.edu}
 * @param source the source that discovered the host's URLs, e.g. a feed's name
 * @param state whether the crawler is fetching from it
 * @param fetched pages fetched from it since the process started
 * @param failed fetches that failed since the process started
 * @param lastFetchAt when the last request finished, if any did
 * @param retryAt for {@link State#BACKING_OFF}, when the next request may go out
 * @param detail why the host is in its state, e.g. {@code HTTP 503} or {@code Disallow: /news}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostStatus(
        String host,
        String source,
        State state,
        long fetched,
        long failed,
        @Nullable Instant lastFetchAt,
        @Nullable Instant retryAt,
        @Nullable String detail) {

    /** The states a host can be in, from the dashboard's point of view. */
    public enum State {
        /** Fetching normally, within the per-host delay. */
        OK,
        /** Paused after errors or a Retry-After, until {@link HostStatus#retryAt()}. */
        BACKING_OFF,
        /** robots.txt disallows everything the crawler wants from it. */
        BLOCKED_BY_ROBOTS
    }

    public HostStatus {
        requireNonNull(host, "host");
        requireNonNull(source, "source");
        requireNonNull(state, "state");
        if (fetched < 0 || failed < 0) {
            throw new IllegalArgumentException("counts must be >= 0, were " + fetched + " and " + failed);
        }
    }
}
