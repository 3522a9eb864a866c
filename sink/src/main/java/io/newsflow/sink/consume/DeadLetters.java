package io.newsflow.sink.consume;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.topic.DeadLetterHeaders;
import io.newsflow.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * Publishes records the sink gives up on to {@code newsflow.dead-letters}: the original key and
 * value bytes, and where they came from and why in {@link DeadLetterHeaders}. Each send is
 * acknowledged before the sink commits the record's offset, so a dead letter is never lost.
 */
final class DeadLetters implements AutoCloseable {

    /** Headers are for reading, not for whole stack traces. */
    private static final int MAX_MESSAGE_CHARS = 2000;
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final Producer<byte[], byte[]> producer;
    private final MeterRegistry registry;

    DeadLetters(Producer<byte[], byte[]> producer, MeterRegistry registry) {
        this.producer = producer;
        this.registry = registry;
    }

    /**
     * @param reason a bounded metric tag: {@code undecodable} (not an article) or {@code rejected}
     *     (the database refuses it)
     */
    void send(ConsumerRecord<byte[], byte[]> record, Exception failure, String reason) throws RetryLater {
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(Topics.DEAD_LETTERS.name(), record.key(), record.value());
        Headers headers = letter.headers();
        header(headers, DeadLetterHeaders.STAGE, "sink");
        header(headers, DeadLetterHeaders.CLASS, failure.getClass().getName());
        String message = String.valueOf(failure.getMessage());
        header(headers, DeadLetterHeaders.MESSAGE, message.length() > MAX_MESSAGE_CHARS ? message.substring(0, MAX_MESSAGE_CHARS) : message);
        header(headers, DeadLetterHeaders.TOPIC, record.topic());
        header(headers, DeadLetterHeaders.PARTITION, String.valueOf(record.partition()));
        header(headers, DeadLetterHeaders.OFFSET, String.valueOf(record.offset()));
        try {
            producer.send(letter).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new RetryLater("dead_letters", "cannot publish a dead letter: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("dead_letters", "interrupted publishing a dead letter", e);
        }
        registry.counter(MetricNames.DEAD_LETTERS, MetricNames.TAG_STAGE, "sink", MetricNames.TAG_REASON, reason).increment();
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
