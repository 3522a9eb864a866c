package io.newsflow.enrich.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.topic.DeadLetter;
import io.newsflow.core.topic.DeadLetterHeaders;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a page that cannot be deserialised, or whose processing throws, to the dead-letter topic and
 * lets the job continue. Kafka Streams (KIP-1034) produces the records a handler returns within the
 * task's transaction, so under exactly-once a dead letter is written exactly when the page's offset
 * is committed. The record is the shared {@link DeadLetter}: the original key, value and headers
 * plus the {@link DeadLetterHeaders}.
 *
 * <p>Configured through the Streams config: {@code errors.dead.letter.queue.topic.name} names the
 * topic and {@link #METER_REGISTRY_CONFIG} carries the {@link MeterRegistry} instance.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    /** Streams config key whose value is the {@link MeterRegistry} that counts dead letters. */
    public static final String METER_REGISTRY_CONFIG = "newsflow.enrich.meter.registry";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String topic;
    private MeterRegistry registry;

    @Override
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (!(name instanceof String s) || s.isBlank()) {
            throw new ConfigException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " must name the dead-letter topic");
        }
        Object meters = configs.get(METER_REGISTRY_CONFIG);
        if (!(meters instanceof MeterRegistry m)) {
            throw new ConfigException(METER_REGISTRY_CONFIG + " must hold a MeterRegistry, was " + meters);
        }
        this.topic = s;
        this.registry = m;
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
            ConsumerRecord<byte[], byte[]> record, Exception exception) {
        return DeserializationExceptionHandler.Response.resume(
                deadLetter(context, record.key(), record.value(), record.headers(), DeadLetter.Reason.UNDECODABLE, exception));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
            Exception exception) {
        return ProcessingExceptionHandler.Response.resume(deadLetter(context, context.sourceRawKey(), context.sourceRawValue(),
                context.headers(), DeadLetter.Reason.PROCESSING, exception));
    }

    private List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
            Headers original, DeadLetter.Reason reason, Exception exception) {
        LOG.warn("dead-lettering {}-{}@{} after {} failure in {}: {}", context.topic(), context.partition(),
                context.offset(), reason.tag(), context.processorNodeId(), exception.toString());
        DeadLetter letter = DeadLetter.of(Stage.ENRICH, reason, context.topic(), context.partition(), context.offset())
                .record(key, value)
                .headers(original)
                .timestamp(context.timestamp())
                .processor(String.valueOf(context.processorNodeId()))
                .failure(exception);
        letter.counter(registry).increment();
        return List.of(letter.toRecord(topic));
    }
}
