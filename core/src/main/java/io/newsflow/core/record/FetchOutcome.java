package io.newsflow.core.record;

import java.util.Locale;

/**
 * How fetching a URL (a page, a feed, a sitemap, a robots.txt) ended. {@link #tag()} is the bounded
 * name used as the {@code outcome} metric tag and in the {@link UrlStatus} record.
 */
public enum FetchOutcome {
    /** A new or changed page was published (or a source was read). */
    OK,
    /** The server answered 304 to a conditional request. */
    NOT_MODIFIED,
    /** The page was fetched again and its content is what was published before. */
    UNCHANGED,
    NOT_HTML,
    BINARY,
    HTTP_1XX,
    HTTP_3XX,
    HTTP_4XX,
    HTTP_5XX,
    /** A status outside 100-599. */
    HTTP_OTHER,
    BAD_URL,
    DNS_FAILED,
    /** The address guard refused the host (private or link-local address). */
    BLOCKED_ADDRESS,
    CONNECT_FAILED,
    CONNECT_TIMEOUT,
    READ_TIMEOUT,
    TOTAL_TIMEOUT,
    TOO_MANY_REDIRECTS,
    REDIRECT_LOOP,
    IO_ERROR,
    ROBOTS_UNAVAILABLE,
    ROBOTS_DISALLOWED,
    /** A feed or sitemap that could not be parsed. */
    UNPARSEABLE,
    /** A bug, not the server's doing. */
    INTERNAL_ERROR;

    /** The name used as metric tag and in records: {@code not_modified}, {@code http_5xx}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tag, so logs and messages read as the metrics do. */
    @Override
    public String toString() {
        return tag();
    }

    /** The outcome of a response that is not a success, by its status class. */
    public static FetchOutcome ofStatus(int status) {
        return switch (status / 100) {
            case 1 -> HTTP_1XX;
            case 3 -> HTTP_3XX;
            case 4 -> HTTP_4XX;
            case 5 -> HTTP_5XX;
            default -> HTTP_OTHER;
        };
    }

    /** Whether the fetch worked: content published, or found the same as before. */
    public boolean succeeded() {
        return this == OK || this == NOT_MODIFIED || this == UNCHANGED;
    }

    /** Whether the network says the host is in trouble (timeouts, refused connections), so it should be left alone a while. */
    public boolean hostUnreachable() {
        return this == CONNECT_FAILED || this == CONNECT_TIMEOUT || this == READ_TIMEOUT || this == TOTAL_TIMEOUT
                || this == IO_ERROR;
    }
}
