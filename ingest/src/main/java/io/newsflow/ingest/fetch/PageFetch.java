package io.newsflow.ingest.fetch;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.FetchOutcome;
import io.newsflow.core.record.Page;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of fetching one article URL.
 *
 * @param outcome how the fetch ended: {@link FetchOutcome#OK} with a page, otherwise why there is none
 * @param status the HTTP status, 0 when no response arrived
 * @param page the fetched page when the outcome is {@code ok}
 * @param retryAfter how long the server asked us to stay away (429, 503), if it said
 * @param bytes body bytes read
 * @param elapsed request to last byte
 */
public record PageFetch(FetchOutcome outcome, int status, @Nullable Page page, @Nullable Duration retryAfter, long bytes,
        Duration elapsed) {

    public PageFetch {
        requireNonNull(outcome, "outcome");
        requireNonNull(elapsed, "elapsed");
    }

    /** Whether the host itself is in trouble (5xx, timeouts, refused), so its queue should back off. */
    public boolean hostTrouble() {
        return status >= 500 || status == 429 || outcome.hostUnreachable();
    }
}
