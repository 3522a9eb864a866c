package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A fetched page as published on {@code newsflow.pages}: the raw HTML with the HTTP metadata of the
 * response. Keyed by {@link #canonicalUrl()}.
 *
 * @param url the URL that was requested
 * @param canonicalUrl the normalised URL that identifies the page (the record key)
 * @param finalUrl the URL after redirects
 * @param source the name of the source that discovered the URL
 * @param fetchedAt when the response was received
 * @param status the HTTP status code
 * @param contentType the media type without parameters, or null when the server sent none
 * @param charset the charset the body was decoded with
 * @param etag the ETag response header, for conditional refetches
 * @param lastModified the Last-Modified response header, for conditional refetches
 * @param contentSha256 hex SHA-256 of the decoded HTML, so unchanged refetches can be dropped
 * @param truncated whether the body was cut at the configured page cap
 * @param body the body, as text or as UTF-8 bytes; {@code "html"} in JSON, a string
 */
@JsonPropertyOrder({"schema"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page(
        String url,
        String canonicalUrl,
        String finalUrl,
        String source,
        Instant fetchedAt,
        int status,
        @Nullable String contentType,
        String charset,
        @Nullable String etag,
        @Nullable String lastModified,
        String contentSha256,
        boolean truncated,
        @JsonProperty("html") Html body) implements SchemaVersioned {

    public static final String SCHEMA = "page/1";

    public Page {
        requireNonNull(url, "url");
        requireNonNull(canonicalUrl, "canonicalUrl");
        requireNonNull(finalUrl, "finalUrl");
        requireNonNull(source, "source");
        requireNonNull(fetchedAt, "fetchedAt");
        requireNonNull(charset, "charset");
        requireNonNull(contentSha256, "contentSha256");
        requireNonNull(body, "body");
    }

    /** A page of decoded HTML. */
    public Page(String url, String canonicalUrl, String finalUrl, String source, Instant fetchedAt, int status,
            @Nullable String contentType, String charset, @Nullable String etag, @Nullable String lastModified,
            String contentSha256, boolean truncated, String html) {
        this(url, canonicalUrl, finalUrl, source, fetchedAt, status, contentType, charset, etag, lastModified,
                contentSha256, truncated, Html.of(html));
    }

    /** The body as text, decoded on first use when it came as UTF-8 bytes. */
    public String html() {
        return body.text();
    }

    @Override
    public String schema() {
        return SCHEMA;
    }
}
