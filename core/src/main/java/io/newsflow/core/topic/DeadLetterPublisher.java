package io.newsflow.core.topic;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;

/**
 * Writes {@link DeadLetter}s to {@code newsflow.dead-letters} and waits for the broker's
 * acknowledgement, so a stage commits past a record only once its dead letter is stored. A Kafka
 * Streams job does not need this: its exception handlers return the records and Streams produces
 * them within the task's transaction.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** A dead letter that could not be written; the record it stands for must not be committed. */
    public static final class PublishException extends Exception {

        private static final long serialVersionUID = 1L;

        PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Producer<byte[], byte[]> producer;
    private final MeterRegistry registry;

    /** Takes ownership of {@code producer} (byte-array serialisers, sized for the largest record of its stage). */
    public DeadLetterPublisher(Producer<byte[], byte[]> producer, MeterRegistry registry) {
        this.producer = requireNonNull(producer, "producer");
        this.registry = requireNonNull(registry, "registry");
    }

    /** Sends the dead letter, waits until the broker has it, and counts it. */
    public void publish(DeadLetter letter) throws PublishException {
        try {
            producer.send(letter.toRecord()).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new PublishException("cannot publish a dead letter: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishException("no acknowledgement of a dead letter within " + SEND_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("interrupted publishing a dead letter", e);
        }
        letter.counter(registry).increment();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
