package io.newsflow.enrich.topology;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the revisit store keeps of a recent article: where to fetch it, which revisit is next and
 * the validators of its latest fetch for the conditional GET.
 *
 * @param url the canonical URL
 * @param source the source that discovered it
 * @param firstFetchedAt the first fetch, from which the schedule's offsets count
 * @param step the next revisit, from 0
 * @param dueAt when the next revisit is due
 */
record RevisitEntry(String url, String source, Instant firstFetchedAt, int step, Instant dueAt, @Nullable String etag,
        @Nullable String lastModified) {

    RevisitEntry {
        requireNonNull(url, "url");
        requireNonNull(source, "source");
        requireNonNull(firstFetchedAt, "firstFetchedAt");
        requireNonNull(dueAt, "dueAt");
    }

    RevisitEntry withValidators(@Nullable String newEtag, @Nullable String newLastModified) {
        return new RevisitEntry(url, source, firstFetchedAt, step, dueAt, newEtag, newLastModified);
    }

    RevisitEntry at(int nextStep, Instant nextDue) {
        return new RevisitEntry(url, source, firstFetchedAt, nextStep, nextDue, etag, lastModified);
    }
}
