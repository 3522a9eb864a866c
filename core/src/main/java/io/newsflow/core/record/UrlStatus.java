package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the crawler last learned about one URL, as published on the compacted
 * {@code newsflow.url-status} topic keyed by canonical URL. A restarted crawler reads it back, so
 * it neither refetches every known page nor republishes unchanged content.
 *
 * @param url the canonical URL
 * @param checkedAt when the URL was last fetched (or found unchanged)
 * @param status the HTTP status of that fetch, 0 when no response arrived
 * @param outcome the fetch outcome, e.g. {@code ok}, {@code unchanged}, {@code timeout}
 * @param contentSha256 hash of the last published HTML, if any
 * @param etag the ETag of the last response, for conditional refetches
 * @param lastModified the Last-Modified of the last response, for conditional refetches
 * @param listedAt when a source last listed the URL, as far as the crawler noted it (at most about
 *     daily); with {@code checkedAt} it decides when the URL leaves the crawler state
 */
@JsonPropertyOrder({"schema"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UrlStatus(
        String url,
        Instant checkedAt,
        int status,
        String outcome,
        @Nullable String contentSha256,
        @Nullable String etag,
        @Nullable String lastModified,
        @Nullable Instant listedAt) implements SchemaVersioned {

    public static final String SCHEMA = "url-status/1";

    public UrlStatus {
        requireNonNull(url, "url");
        requireNonNull(checkedAt, "checkedAt");
        requireNonNull(outcome, "outcome");
    }

    /** A status not (yet) noted as listed by a source. */
    public UrlStatus(String url, Instant checkedAt, int status, String outcome, @Nullable String contentSha256,
            @Nullable String etag, @Nullable String lastModified) {
        this(url, checkedAt, status, outcome, contentSha256, etag, lastModified, null);
    }

    /** The same status, noted as listed by a source at {@code when}. */
    public UrlStatus listed(Instant when) {
        return new UrlStatus(url, checkedAt, status, outcome, contentSha256, etag, lastModified, when);
    }

    /** The last time anything showed the URL is alive for the crawler: its last fetch or its last listing. */
    public Instant lastSeen() {
        return listedAt != null && listedAt.isAfter(checkedAt) ? listedAt : checkedAt;
    }

    @Override
    public String schema() {
        return SCHEMA;
    }
}
