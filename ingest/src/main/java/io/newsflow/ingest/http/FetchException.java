package io.newsflow.ingest.http;

import static java.util.Objects.requireNonNull;

import java.io.IOException;

/**
 * A fetch that produced no usable response, with its outcome: a short, bounded name used as the
 * metric tag and in the url-status record.
 */
public final class FetchException extends IOException {

    public static final String BAD_URL = "bad_url";
    public static final String DNS_FAILED = "dns_failed";
    public static final String BLOCKED_ADDRESS = "blocked_address";
    public static final String CONNECT_FAILED = "connect_failed";
    public static final String CONNECT_TIMEOUT = "connect_timeout";
    public static final String READ_TIMEOUT = "read_timeout";
    public static final String TOTAL_TIMEOUT = "total_timeout";
    public static final String TOO_MANY_REDIRECTS = "too_many_redirects";
    public static final String REDIRECT_LOOP = "redirect_loop";
    public static final String IO_ERROR = "io_error";

    private final String outcome;

    public FetchException(String outcome, String message) {
        super(message);
        this.outcome = requireNonNull(outcome, "outcome");
    }

    public FetchException(String outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = requireNonNull(outcome, "outcome");
    }

    /** The bounded outcome name, e.g. {@code read_timeout}. */
    public String outcome() {
        return outcome;
    }
}
