package io.newsflow.ingest.fetch;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.Page;
import io.newsflow.ingest.http.FetchException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of fetching one article URL.
 *
 * @param outcome bounded name: {@code ok}, {@code not_modified}, {@code not_html}, {@code binary},
 *     {@code http_4xx}, {@code http_5xx}, or a {@link FetchException} outcome
 * @param status the HTTP status, 0 when no response arrived
 * @param page the fetched page when the outcome is {@code ok}
 * @param retryAfter how long the server asked us to stay away (429, 503), if it said
 * @param bytes body bytes read
 * @param elapsed request to last byte
 */
public record PageFetch(String outcome, int status, @Nullable Page page, @Nullable Duration retryAfter, long bytes,
        Duration elapsed) {

    public static final String OK = "ok";
    public static final String NOT_MODIFIED = "not_modified";
    public static final String NOT_HTML = "not_html";
    public static final String BINARY = "binary";

    public PageFetch {
        requireNonNull(outcome, "outcome");
        requireNonNull(elapsed, "elapsed");
    }

    /** Whether the host itself is in trouble (5xx, timeouts, refused), so its queue should back off. */
    public boolean hostTrouble() {
        return status >= 500 || status == 429 || outcome.endsWith("timeout") || outcome.equals(FetchException.CONNECT_FAILED)
                || outcome.equals(FetchException.IO_ERROR);
    }
}
