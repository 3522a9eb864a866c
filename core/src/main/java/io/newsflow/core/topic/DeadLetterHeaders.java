package io.newsflow.core.topic;

/** Header names of a record on {@code newsflow.dead-letters}; values are UTF-8 strings. */
public final class DeadLetterHeaders {

    /** The stage that gave up on the record: ingest, enrich or sink. */
    public static final String STAGE = "newsflow.error.stage";
    /** The exception class name. */
    public static final String CLASS = "newsflow.error.class";
    /** The exception message. */
    public static final String MESSAGE = "newsflow.error.message";
    /** The topic the record was read from. */
    public static final String TOPIC = "newsflow.error.topic";
    /** The partition the record was read from. */
    public static final String PARTITION = "newsflow.error.partition";
    /** The offset the record was read from. */
    public static final String OFFSET = "newsflow.error.offset";

    private DeadLetterHeaders() {
    }
}
