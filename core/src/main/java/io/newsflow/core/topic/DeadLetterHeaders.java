package io.newsflow.core.topic;

/** Header names of a record on {@code newsflow.dead-letters}; values are UTF-8 strings. */
public final class DeadLetterHeaders {

    /** The prefix of every header below, so a replay can strip them before re-injecting a record. */
    public static final String PREFIX = "newsflow.error.";
    /** The stage that gave up on the record: ingest, enrich or sink. */
    public static final String STAGE = "newsflow.error.stage";
    /** The exception class name. */
    public static final String CLASS = "newsflow.error.class";
    /** The exception message. */
    public static final String MESSAGE = "newsflow.error.message";
    /** The processor that failed, for records a Kafka Streams job gave up on (e.g. {@code extract}). */
    public static final String PROCESSOR = "newsflow.error.processor";
    /** The topic the record was read from. */
    public static final String TOPIC = "newsflow.error.topic";
    /** The partition the record was read from. */
    public static final String PARTITION = "newsflow.error.partition";
    /** The offset the record was read from. */
    public static final String OFFSET = "newsflow.error.offset";

    /**
     * Set by {@code newsflow dlq replay} on a re-injected record: the dead letter it came from, as
     * {@code topic-partition@offset}. Outside {@link #PREFIX}, so it survives a second failure.
     */
    public static final String REPLAYED_FROM = "newsflow.replayed.from";

    private DeadLetterHeaders() {
    }
}
