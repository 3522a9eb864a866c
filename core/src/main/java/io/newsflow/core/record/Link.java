package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A discovered URL waiting to be fetched, as published on {@code newsflow.links}. Keyed by host, so
 * all URLs of one host share a partition and one fetcher owns that host's politeness.
 *
 * <p>A link with {@code refetch} set is a revisit of a known article (enrich schedules them to catch
 * edits): the fetcher fetches it although the URL is already known, conditionally with {@code etag}
 * and {@code lastModified}, and publishes no page when the server answers 304.
 *
 * @param url the absolute URL to fetch
 * @param source the name of the source that discovered it
 * @param discoveredAt when it was discovered
 * @param publishedAt the publication time the source announced, if any
 * @param refetch true for a revisit of a known article; absent (never false) otherwise, so links
 *     of producers that predate the field read the same
 * @param etag the ETag of the page's last fetch, for the conditional GET of a revisit
 * @param lastModified the Last-Modified of the page's last fetch, for the conditional GET of a revisit
 */
@JsonPropertyOrder({"schema"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String url, String source, Instant discoveredAt, @Nullable Instant publishedAt,
        @Nullable Boolean refetch, @Nullable String etag, @Nullable String lastModified) implements SchemaVersioned {

    public static final String SCHEMA = "link/1";

    public Link {
        requireNonNull(url, "url");
        requireNonNull(source, "source");
        requireNonNull(discoveredAt, "discoveredAt");
        // one spelling of "not a revisit": absent
        refetch = Boolean.TRUE.equals(refetch) ? Boolean.TRUE : null;
    }

    /** A newly discovered link: not a revisit, no validators. */
    public Link(String url, String source, Instant discoveredAt, @Nullable Instant publishedAt) {
        this(url, source, discoveredAt, publishedAt, null, null, null);
    }

    /** A revisit of a known article, fetched conditionally with the validators of its last fetch. */
    public static Link revisit(String url, String source, Instant scheduledAt, @Nullable String etag,
            @Nullable String lastModified) {
        return new Link(url, source, scheduledAt, null, Boolean.TRUE, etag, lastModified);
    }

    /** Whether this link is a revisit that must be fetched although the URL is known. */
    @JsonIgnore
    public boolean isRevisit() {
        return Boolean.TRUE.equals(refetch);
    }

    @Override
    public String schema() {
        return SCHEMA;
    }
}
