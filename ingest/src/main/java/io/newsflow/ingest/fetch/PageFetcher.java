package io.newsflow.ingest.fetch;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Fetches one URL with jsoup and turns the response into a {@link Page}. */
public final class PageFetcher {

    private final String userAgent;
    private final Duration timeout;
    private final int maxBodyBytes;
    private final Clock clock;

    public PageFetcher(String userAgent, Duration timeout, int maxBodyBytes, Clock clock) {
        this.userAgent = requireNonNull(userAgent, "userAgent");
        this.timeout = requireNonNull(timeout, "timeout");
        this.maxBodyBytes = maxBodyBytes;
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Fetches a URL. HTTP error statuses are returned as pages with that status, not thrown.
     *
     * @throws IOException when the server cannot be reached or the response cannot be read
     */
    public Page fetch(String url, String source) throws IOException {
        Connection.Response response = Jsoup.connect(url)
                .userAgent(userAgent)
                .timeout((int) timeout.toMillis())
                .maxBodySize(maxBodyBytes)
                .ignoreHttpErrors(true)
                .ignoreContentType(true)
                .followRedirects(true)
                .execute();
        byte[] body = response.bodyAsBytes();
        boolean truncated = body.length >= maxBodyBytes;
        String finalUrl = response.url().toString();
        Document document = response.parse();
        Charset charset = document.charset() == null ? StandardCharsets.UTF_8 : document.charset();
        String html = document.outerHtml();
        String canonical = UrlCanonicalizer.canonicalize(finalUrl);
        return new Page(url, canonical, finalUrl, source, clock.instant(), response.statusCode(),
                mediaType(response.contentType()), charset.name(), response.header("ETag"),
                response.header("Last-Modified"), ArticleId.sha256Hex(html), truncated, html);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }
}
