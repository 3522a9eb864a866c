package io.newsflow.ingest.fetch;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.FetchOutcome;
import io.newsflow.core.record.Html;
import io.newsflow.ingest.frontier.UrlCanonicalizer;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.HttpFetcher;
import io.newsflow.ingest.http.HttpResponseData;
import io.newsflow.core.record.Link;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.UrlStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.parser.StreamParser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Fetches one article URL into a {@link Page}: conditional GET against what was learned last time,
 * HTML and XHTML only, binary bodies refused, charset from header, BOM or meta, and the canonical
 * URL taken from {@code rel=canonical} when it names the same host.
 */
public final class PageFetcher {

    /** The media types fetched as articles. */
    public static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    private static final int BINARY_SNIFF_BYTES = 1024;
    /** Parsed once: parsing the query anew for every page was a visible share of a fetch. */
    private static final Evaluator CANONICAL_LINK = Selector.evaluatorOf("link[rel~=(?i)^canonical$][href]");

    private final HttpFetcher http;
    private final Clock clock;

    public PageFetcher(HttpFetcher http, Clock clock) {
        this.http = requireNonNull(http, "http");
        this.clock = requireNonNull(clock, "clock");
    }

    /**
     * Fetches a link's URL; never throws for anything the server or network does. The request is
     * conditional on the validators of a revisit link, else on those of the URL's last good fetch.
     */
    public PageFetch fetch(Link link, @Nullable UrlStatus previous) {
        String url = link.url();
        String source = link.source();
        long started = System.nanoTime();
        HttpResponseData response;
        try {
            response = http.get(URI.create(url), conditionalHeaders(link, previous), PageFetcher::isHtmlOrUnknown);
        } catch (FetchException e) {
            return new PageFetch(e.outcome(), 0, null, null, 0, Duration.ofNanos(System.nanoTime() - started));
        } catch (IllegalArgumentException e) {
            return new PageFetch(FetchOutcome.BAD_URL, 0, null, null, 0, Duration.ofNanos(System.nanoTime() - started));
        }
        int status = response.status();
        if (status == 304) {
            return new PageFetch(FetchOutcome.NOT_MODIFIED, status, null, null, 0, response.elapsed());
        }
        if (status / 100 != 2) {
            Duration retryAfter = status == 429 || status == 503 ? retryAfter(response.header("retry-after")) : null;
            return new PageFetch(FetchOutcome.ofStatus(status), status, null, retryAfter, 0, response.elapsed());
        }
        if (!isHtmlOrUnknown(response.mediaType())) {
            return new PageFetch(FetchOutcome.NOT_HTML, status, null, null, 0, response.elapsed());
        }
        byte[] body = response.body();
        if (looksBinary(body)) {
            return new PageFetch(FetchOutcome.BINARY, status, null, null, body.length, response.elapsed());
        }
        CharsetDetector.Decoded decoded = CharsetDetector.decode(body, response.headerCharset());
        String finalUrl = response.finalUrl().toString();
        Html html = decoded.html();
        Page page = new Page(url, canonicalUrl(html, finalUrl, url), finalUrl, source, clock.instant(), status,
                response.mediaType(), decoded.charset().name(), response.header("etag"), response.header("last-modified"),
                decoded.sha256(), response.truncated(), html);
        return new PageFetch(FetchOutcome.OK, status, page, null, body.length, response.elapsed());
    }

    private static Map<String, String> conditionalHeaders(Link link, @Nullable UrlStatus previous) {
        Map<String, String> headers = new HashMap<>();
        if (link.isRevisit() && (link.etag() != null || link.lastModified() != null)) {
            if (link.etag() != null) {
                headers.put("If-None-Match", link.etag());
            }
            if (link.lastModified() != null) {
                headers.put("If-Modified-Since", link.lastModified());
            }
        } else if (previous != null && previous.contentSha256() != null) {
            if (previous.etag() != null) {
                headers.put("If-None-Match", previous.etag());
            }
            if (previous.lastModified() != null) {
                headers.put("If-Modified-Since", previous.lastModified());
            }
        }
        return headers;
    }

    private static boolean isHtmlOrUnknown(@Nullable String mediaType) {
        // a missing Content-Type is given the benefit of the doubt; the binary sniff still applies
        return mediaType == null || HTML_TYPES.contains(mediaType);
    }

    /** A NUL byte in the first kilobyte means the body is not text, whatever its Content-Type says. */
    static boolean looksBinary(byte[] body) {
        boolean utf16 = body.length >= 2 && ((body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff
                || (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe);
        if (utf16) {
            return false;
        }
        for (int i = 0; i < Math.min(body.length, BINARY_SNIFF_BYTES); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** rel=canonical when it names the same host (a cross-host canonical could be used to hijack keys), else the final URL. */
    private static String canonicalUrl(Html html, String finalUrl, String requested) {
        String fallback = UrlCanonicalizer.canonicalize(finalUrl);
        if (fallback == null) {
            fallback = requested;
        }
        Element link = firstCanonicalLink(head(html), finalUrl);
        if (link == null) {
            return fallback;
        }
        String declared = UrlCanonicalizer.canonicalize(link.absUrl("href"));
        if (declared == null) {
            return fallback;
        }
        String declaredHost = URI.create(declared).getHost();
        String finalHost = URI.create(fallback).getHost();
        return declaredHost != null && declaredHost.equalsIgnoreCase(finalHost) ? declared : fallback;
    }

    /**
     * Parses the head only as far as its first canonical link: most pages declare it early in a
     * head that is often tens of kilobytes of inline scripts and styles (in the AEB pages a fifth of
     * the way in, for the median page that has one).
     */
    private static @Nullable Element firstCanonicalLink(String head, String baseUri) {
        try (StreamParser parser = new StreamParser(Parser.htmlParser()).parse(head, baseUri)) {
            return parser.selectFirst(CANONICAL_LINK);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: the head is read from a String", e);
        }
    }

    /**
     * The page up to the end of its head. rel=canonical counts in the head only, as search engines
     * read it, and parsing just the head keeps a second full parse of every page off the fetch path.
     * The end tag is looked for in the UTF-8 bytes, so a page kept as bytes is decoded up to there
     * only: a tag is ASCII, and no byte of a multi-byte UTF-8 sequence is.
     */
    static String head(Html html) {
        // scanned in a copy: byte by byte through the read-only view, the scan cost as much as the
        // parse of the head after it
        ByteBuffer utf8 = html.utf8();
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        int n = bytes.length;
        for (int at = 0; at + 1 < n; at++) {
            if (bytes[at] == '<' && bytes[at + 1] == '/' && isHead(bytes, at + 2)) {
                int end = at + 6;
                while (end < n && isHtmlSpace((char) bytes[end])) {
                    end++;
                }
                if (end < n && bytes[end] == '>') {
                    return new String(bytes, 0, end + 1, StandardCharsets.UTF_8);
                }
            }
        }
        return html.text();
    }

    /** Whether the bytes from {@code at} are "head" in any case. */
    private static boolean isHead(byte[] bytes, int at) {
        if (at + 4 > bytes.length) {
            return false;
        }
        for (int k = 0; k < 4; k++) {
            if ((bytes[at + k] | 0x20) != "head".charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHtmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** Retry-After as seconds or an HTTP date, capped; null when absent or unreadable. */
    static @Nullable Duration retryAfter(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                Instant when = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
                wait = Duration.between(Instant.now(), when);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
    }
}
