package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One poll of one source, as published on {@code newsflow.source-polls} keyed by source name: what
 * source health is computed from on the discovery side.
 *
 * @param source the source's configured name (the record key)
 * @param type the source type: feed, sitemap, robots or listing
 * @param url the source's URL
 * @param polledAt when the poll finished
 * @param outcome {@code ok}, {@code not_modified}, or the failure, e.g. {@code http_4xx}, {@code unparseable},
 *     {@code connect_failed}
 * @param linksFound article URLs the source listed that passed its include and exclude patterns
 * @param newLinks of those, the ones not known before (published to {@code newsflow.links})
 * @param httpStatus the HTTP status of the source document, when a response arrived
 * @param error what went wrong, for a failed poll
 */
@JsonPropertyOrder({"schema"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourcePoll(String source, String type, String url, Instant polledAt, String outcome, int linksFound,
        int newLinks, @Nullable Integer httpStatus, @Nullable String error) implements SchemaVersioned {

    public static final String SCHEMA = "source-poll/1";
    public static final String OK = "ok";
    public static final String NOT_MODIFIED = "not_modified";

    public SourcePoll {
        requireNonNull(source, "source");
        requireNonNull(type, "type");
        requireNonNull(url, "url");
        requireNonNull(polledAt, "polledAt");
        requireNonNull(outcome, "outcome");
        if (linksFound < 0 || newLinks < 0) {
            throw new IllegalArgumentException("link counts must not be negative: " + linksFound + ", " + newLinks);
        }
    }

    /** Whether the poll reached the source and read it (or learned it was unchanged). */
    public boolean succeeded() {
        return OK.equals(outcome) || NOT_MODIFIED.equals(outcome);
    }

    @Override
    public String schema() {
        return SCHEMA;
    }
}
