package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The health of one source, as kept on the compacted {@code newsflow.source-health} topic keyed by
 * source name: its last poll, its output against its own baseline, how well its pages extract.
 *
 * @param source the source's name (the record key)
 * @param status the verdict, see {@link SourceStatus}
 * @param reason one line saying why, e.g. {@code 4 failed polls in a row (http_5xx)}
 * @param updatedAt when this record was computed
 * @param type the source type, once a poll was seen
 * @param url the source's URL, once a poll was seen
 * @param lastPollAt when the source was last polled
 * @param lastPollOutcome that poll's outcome ({@code ok}, {@code not_modified}, {@code http_5xx}...)
 * @param lastHttpStatus that poll's HTTP status, when a response arrived
 * @param lastError that poll's error, when it failed
 * @param errorStreak failed polls in a row
 * @param lastNewLinkAt when a poll last found a URL not known before
 * @param lastArticleAt when a page of the source last became a new article
 * @param found24h new links its polls found in the last 24 hours
 * @param stored24h new articles stored from it in the last 24 hours
 * @param foundBaseline new links per day over its trailing baseline days (0 while it has no history)
 * @param storedBaseline new articles per day over its trailing baseline days
 * @param pagesSampled its recent pages the two shares below are over
 * @param extractedShare share of those that extracted well: a title, a date and text above the minimum length
 * @param blockedShare share of those that looked like a bot challenge or a paywall
 */
@JsonPropertyOrder({"schema"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceHealth(
        String source,
        SourceStatus status,
        String reason,
        Instant updatedAt,
        @Nullable String type,
        @Nullable String url,
        @Nullable Instant lastPollAt,
        @Nullable String lastPollOutcome,
        @Nullable Integer lastHttpStatus,
        @Nullable String lastError,
        int errorStreak,
        @Nullable Instant lastNewLinkAt,
        @Nullable Instant lastArticleAt,
        long found24h,
        long stored24h,
        double foundBaseline,
        double storedBaseline,
        int pagesSampled,
        double extractedShare,
        double blockedShare) implements SchemaVersioned {

    public static final String SCHEMA = "source-health/1";

    public SourceHealth {
        requireNonNull(source, "source");
        requireNonNull(status, "status");
        requireNonNull(reason, "reason");
        requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public String schema() {
        return SCHEMA;
    }
}
