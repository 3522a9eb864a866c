package io.newsflow.sink.consume;

/** The records could not be stored now, through no fault of theirs: keep them and retry. */
final class RetryLater extends Exception {

    private final String reason;

    /** @param reason a bounded metric tag: transient, systemic or dead_letters */
    RetryLater(String reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
