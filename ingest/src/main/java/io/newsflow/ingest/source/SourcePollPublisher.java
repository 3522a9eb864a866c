package io.newsflow.ingest.source;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.SourcePoll;
import io.newsflow.core.topic.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes every source poll to {@code newsflow.source-polls}, keyed by source name. */
public final class SourcePollPublisher implements SourcePollSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePollPublisher.class);

    private final KafkaProducer<String, SourcePoll> producer;

    public SourcePollPublisher(Properties kafka) {
        Properties props = new Properties();
        props.putAll(requireNonNull(kafka, "kafka"));
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, Topics.SOURCE_POLLS.keySerde().serializer(),
                Topics.SOURCE_POLLS.valueSerde().serializer());
    }

    @Override
    public void polled(SourcePoll poll) {
        // key by source name: one source's polls stay in order on one partition
        producer.send(new ProducerRecord<>(Topics.SOURCE_POLLS.name(), poll.source(), poll), (meta, error) -> {
            if (error != null) {
                LOG.warn("cannot publish the poll of source {}: {}", poll.source(), error.toString());
            }
        });
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
