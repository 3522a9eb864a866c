package io.newsflow.ingest.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP response after redirects, with its body read up to the cap.
 *
 * @param requested the URL first requested
 * @param finalUrl the URL that answered, after redirects
 * @param status the HTTP status
 * @param headers response headers, lower-case names, first value of each
 * @param body the decoded (gunzipped) body bytes, empty when the body was not wanted
 * @param truncated whether the body was cut at the cap
 * @param elapsed time from the first request to the last byte read
 */
public record HttpResponseData(URI requested, URI finalUrl, int status, Map<String, String> headers, byte[] body,
        boolean truncated, Duration elapsed) {

    public HttpResponseData {
        requireNonNull(requested, "requested");
        requireNonNull(finalUrl, "finalUrl");
        headers = Map.copyOf(headers);
        requireNonNull(body, "body");
        requireNonNull(elapsed, "elapsed");
    }

    public @Nullable String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The media type without parameters, lower case, or null when the server sent none. */
    public @Nullable String mediaType() {
        return mediaType(header("content-type"));
    }

    /** The charset parameter of the Content-Type header, or null. */
    public @Nullable String headerCharset() {
        return charset(header("content-type"));
    }

    /** The media type of a Content-Type value without parameters, lower case, or null. */
    public static @Nullable String mediaType(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The charset parameter of a Content-Type value, or null. */
    public static @Nullable String charset(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").replace("'", "").trim();
            }
        }
        return null;
    }
}
