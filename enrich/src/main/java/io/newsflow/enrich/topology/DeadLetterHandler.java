package io.newsflow.enrich.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.topic.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.header.Header;
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
 * is committed. The record keeps the original key, value and headers and adds the
 * {@link DeadLetterHeaders}.
 *
 * <p>Configured through the Streams config: {@code errors.dead.letter.queue.topic.name} names the
 * topic and {@link #METER_REGISTRY_CONFIG} carries the {@link MeterRegistry} instance.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    /** Streams config key whose value is the {@link MeterRegistry} that counts dead letters. */
    public static final String METER_REGISTRY_CONFIG = "newsflow.enrich.meter.registry";

    static final String STAGE = "enrich";

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
                deadLetter(context, record.key(), record.value(), record.headers(), "deserialization", exception));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
            Exception exception) {
        return ProcessingExceptionHandler.Response.resume(
                deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), context.headers(), "processing", exception));
    }

    private List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
            Headers original, String reason, Exception exception) {
        LOG.warn("dead-lettering {}-{}@{} after {} failure in {}: {}", context.topic(), context.partition(),
                context.offset(), reason, context.processorNodeId(), exception.toString());
        registry.counter(MetricNames.DEAD_LETTERS, MetricNames.TAG_STAGE, STAGE, MetricNames.TAG_REASON, reason).increment();
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, null, context.timestamp(), key, value);
        Headers headers = letter.headers();
        if (original != null) {
            for (Header header : original) {
                if (!header.key().startsWith(DeadLetterHeaders.PREFIX)) {
                    headers.add(header);
                }
            }
        }
        add(headers, DeadLetterHeaders.STAGE, STAGE);
        add(headers, DeadLetterHeaders.PROCESSOR, String.valueOf(context.processorNodeId()));
        add(headers, DeadLetterHeaders.CLASS, exception.getClass().getName());
        add(headers, DeadLetterHeaders.MESSAGE, String.valueOf(exception.getMessage()));
        add(headers, DeadLetterHeaders.TOPIC, context.topic());
        add(headers, DeadLetterHeaders.PARTITION, Integer.toString(context.partition()));
        add(headers, DeadLetterHeaders.OFFSET, Long.toString(context.offset()));
        return List.of(letter);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
