package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A discovered URL waiting to be fetched, as published on {@code newsflow.links}. Keyed by host, so
 * all URLs of one host share a partition and one fetcher owns that host's politeness.
 *
 * @param url the absolute URL to fetch
 * @param source the name of the source that discovered it
 * @param discoveredAt when it was discovered
 * @param publishedAt the publication time the source announced, if any
 */
@JsonPropertyOrder({"schema"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String url, String source, Instant discoveredAt, @Nullable Instant publishedAt)
        implements SchemaVersioned {

    public static final String SCHEMA = "link/1";

    public Link {
        requireNonNull(url, "url");
        requireNonNull(source, "source");
        requireNonNull(discoveredAt, "discoveredAt");
    }

    @Override
    public String schema() {
        return SCHEMA;
    }
}
