package io.newsflow.core.topic;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.metrics.MetricNames;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Builds the record a stage sends to {@code newsflow.dead-letters} for a record it gives up on: the
 * original key, value and headers ({@link DeadLetterHeaders#REPLAYED_FROM} included), plus the
 * {@link DeadLetterHeaders} saying where it came from and why. Headers of an earlier failure
 * ({@link DeadLetterHeaders#PREFIX}) are replaced, not repeated, so a replayed record that fails
 * again carries only its latest failure. Every stage builds its dead letters here.
 */
public final class DeadLetter {

    /** Headers are for reading, not for whole stack traces. */
    static final int MAX_MESSAGE_CHARS = 2000;

    /** Why a record became a dead letter; {@link #tag()} is the {@code reason} tag of {@link MetricNames#DEAD_LETTERS}. */
    public enum Reason {
        /** The bytes are not the record the topic promises (bad JSON, wrong schema, missing fields). */
        UNDECODABLE,
        /** The record decoded, but processing it threw. */
        PROCESSING,
        /** The record decoded, but its destination (the database) refuses it. */
        REJECTED;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Stage stage;
    private final Reason reason;
    private final String topic;
    private final int partition;
    private final long offset;
    private byte @Nullable [] key;
    private byte @Nullable [] value;
    private @Nullable Headers original;
    private @Nullable Long timestamp;
    private @Nullable String processor;
    private String failureClass = "";
    private String failureMessage = "";

    private DeadLetter(Stage stage, Reason reason, String topic, int partition, long offset) {
        this.stage = requireNonNull(stage, "stage");
        this.reason = requireNonNull(reason, "reason");
        this.topic = requireNonNull(topic, "topic");
        this.partition = partition;
        this.offset = offset;
    }

    /** A dead letter for the record read from {@code topic}-{@code partition}@{@code offset}. */
    public static DeadLetter of(Stage stage, Reason reason, String topic, int partition, long offset) {
        return new DeadLetter(stage, reason, topic, partition, offset);
    }

    /** The original record's key and value bytes, sent unchanged. */
    public DeadLetter record(byte @Nullable [] key, byte @Nullable [] value) {
        this.key = key;
        this.value = value;
        return this;
    }

    /** The original record's headers, kept on the dead letter. */
    public DeadLetter headers(@Nullable Headers headers) {
        this.original = headers;
        return this;
    }

    /** The original record's timestamp; without one the producer stamps the send time. */
    public DeadLetter timestamp(long timestamp) {
        this.timestamp = timestamp;
        return this;
    }

    /** The processor that failed, for a Kafka Streams job (e.g. {@code extract}). */
    public DeadLetter processor(String processor) {
        this.processor = requireNonNull(processor, "processor");
        return this;
    }

    /** The exception that made the stage give up. */
    public DeadLetter failure(Throwable failure) {
        return failure(failure.getClass().getName(), String.valueOf(failure.getMessage()));
    }

    /** Why the stage gave up, when no exception says it: a class name for grouping and a message for people. */
    public DeadLetter failure(String className, String message) {
        this.failureClass = requireNonNull(className, "className");
        this.failureMessage = requireNonNull(message, "message");
        return this;
    }

    public Stage stage() {
        return stage;
    }

    public Reason reason() {
        return reason;
    }

    /** The record for {@code destination} (normally {@link Topics#DEAD_LETTERS}). */
    public ProducerRecord<byte[], byte[]> toRecord(String destination) {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(destination, null, timestamp, key, value);
        Headers headers = letter.headers();
        if (original != null) {
            for (Header header : original) {
                if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                    headers.add(header);
                }
            }
        }
        add(headers, DeadLetterHeaders.STAGE, stage.tag());
        if (processor != null) {
            add(headers, DeadLetterHeaders.PROCESSOR, processor);
        }
        add(headers, DeadLetterHeaders.CLASS, failureClass);
        add(headers, DeadLetterHeaders.MESSAGE,
                failureMessage.length() > MAX_MESSAGE_CHARS ? failureMessage.substring(0, MAX_MESSAGE_CHARS) : failureMessage);
        add(headers, DeadLetterHeaders.TOPIC, topic);
        add(headers, DeadLetterHeaders.PARTITION, Integer.toString(partition));
        add(headers, DeadLetterHeaders.OFFSET, Long.toString(offset));
        return letter;
    }

    /** The record for {@link Topics#DEAD_LETTERS}. */
    public ProducerRecord<byte[], byte[]> toRecord() {
        return toRecord(Topics.DEAD_LETTERS.name());
    }

    /** The {@link MetricNames#DEAD_LETTERS} counter this dead letter is counted in once it is written. */
    public Counter counter(MeterRegistry registry) {
        return registry.counter(MetricNames.DEAD_LETTERS, MetricNames.TAG_STAGE, stage.tag(), MetricNames.TAG_REASON,
                reason.tag());
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
