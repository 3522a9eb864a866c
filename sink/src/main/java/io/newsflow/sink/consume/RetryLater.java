package io.newsflow.sink.consume;

/** The records could not be stored now, through no fault of theirs: keep them and retry. */
final class RetryLater extends Exception {

    RetryLater(String message, Throwable cause) {
        super(message, cause);
    }
}
