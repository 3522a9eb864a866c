package io.newsflow.enrich.health;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.SourcePoll;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing learned about a source, on its way to the source's health: a poll, a fetched page and
 * how it extracted, or a new article stored. Keyed by source name.
 *
 * @param kind what was learned
 * @param at when it happened
 * @param poll the poll, for {@link Kind#POLL}
 * @param quality how the page extracted, for {@link Kind#PAGE}
 */
public record SourceSignal(Kind kind, Instant at, @Nullable SourcePoll poll, @Nullable PageQuality quality) {

    public enum Kind { POLL, PAGE, STORED }

    public SourceSignal {
        requireNonNull(kind, "kind");
        requireNonNull(at, "at");
    }

    public static SourceSignal poll(SourcePoll poll) {
        return new SourceSignal(Kind.POLL, poll.polledAt(), poll, null);
    }

    public static SourceSignal page(Instant fetchedAt, PageQuality quality) {
        return new SourceSignal(Kind.PAGE, fetchedAt, null, quality);
    }

    public static SourceSignal stored(Instant fetchedAt) {
        return new SourceSignal(Kind.STORED, fetchedAt, null, null);
    }
}
