package io.newsflow.ingest.frontier;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.UrlStatus;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * When a known URL is due again: a page fetched successfully is refetched (conditionally) after
 * {@code refetchAfter}, so corrections are seen; a URL that never produced a page is retried after
 * {@code retryAfter}.
 */
public record RefetchPolicy(Duration refetchAfter, Duration retryAfter) {

    public RefetchPolicy {
        requireNonNull(refetchAfter, "refetchAfter");
        requireNonNull(retryAfter, "retryAfter");
    }

    public boolean due(@Nullable UrlStatus status, Instant now) {
        if (status == null) {
            return true;
        }
        Duration wait = status.contentSha256() != null ? refetchAfter : retryAfter;
        return !now.isBefore(status.checkedAt().plus(wait));
    }
}
