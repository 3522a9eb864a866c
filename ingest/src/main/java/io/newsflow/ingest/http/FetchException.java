package io.newsflow.ingest.http;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.FetchOutcome;
import java.io.IOException;

/** A fetch that produced no usable response, with its outcome. */
public final class FetchException extends IOException {

    private final FetchOutcome outcome;

    public FetchException(FetchOutcome outcome, String message) {
        super(message);
        this.outcome = requireNonNull(outcome, "outcome");
    }

    public FetchException(FetchOutcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = requireNonNull(outcome, "outcome");
    }

    /** How the fetch ended, e.g. {@link FetchOutcome#READ_TIMEOUT}. */
    public FetchOutcome outcome() {
        return outcome;
    }
}
