package io.newsflow.ingest.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The bounds of one fetch, each with a clear outcome when hit.
 *
 * @param userAgent the User-Agent header, naming the crawler and a contact URL
 * @param connectTimeout the longest wait for a TCP (and TLS) connection
 * @param readTimeout the longest silence while waiting for headers or body bytes
 * @param totalTimeout the longest a whole fetch may take, redirects included; bounds trickling servers
 * @param maxBodyBytes the largest (decoded) body kept; the rest is not read and the page is flagged truncated
 * @param maxRedirects the most redirects followed
 */
public record FetchLimits(String userAgent, Duration connectTimeout, Duration readTimeout, Duration totalTimeout,
        int maxBodyBytes, int maxRedirects) {

    public FetchLimits {
        requireNonNull(userAgent, "userAgent");
        requireNonNull(connectTimeout, "connectTimeout");
        requireNonNull(readTimeout, "readTimeout");
        requireNonNull(totalTimeout, "totalTimeout");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
    }

    /** The same limits with another body cap, e.g. for robots.txt. */
    public FetchLimits withMaxBodyBytes(int bytes) {
        return new FetchLimits(userAgent, connectTimeout, readTimeout, totalTimeout, bytes, maxRedirects);
    }
}
