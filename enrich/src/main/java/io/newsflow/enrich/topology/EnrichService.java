package io.newsflow.enrich.topology;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.lifecycle.Service;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

/** Runs the enrich topology as a Kafka Streams application with exactly-once processing. */
public final class EnrichService implements Service {

    private static final int STREAMS_BATCH_BYTES = 256 * 1024;
    private static final int BUFFERED_PAGES_PER_PARTITION = 50;

    private final EnrichConfig config;
    private final Properties kafka;
    private final MeterRegistry registry;
    private KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;

    public EnrichService(EnrichConfig config, Properties kafka, MeterRegistry registry) {
        this.config = requireNonNull(config, "config");
        this.kafka = requireNonNull(kafka, "kafka");
        this.registry = requireNonNull(registry, "registry");
    }

    /**
     * The Streams settings, operator values from {@code kafka} winning over these defaults; the
     * registry receives the dead-letter counts of {@link DeadLetterHandler}.
     */
    public static Properties streamsConfig(EnrichConfig config, Properties kafka, MeterRegistry registry) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        // Streams' default client id appends a process UUID that is new at every start; in the client
        // ids of its Kafka metrics (client_id, thread_id labels) each restart would begin new series
        props.put(StreamsConfig.CLIENT_ID_CONFIG, config.applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitIntervalMs());
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS.name());
        // the topology has no global stores; opting in now is the 5.0 default and silences the warning
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // refuse to start if a store or internal topic would get a generated name that could change
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // changelogs and repartition topics are replicated like the pipeline's own topics
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
        if (config.minInsyncReplicas() > 0) {
            props.put(StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), config.minInsyncReplicas());
        }
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                KafkaClients.maxMessageBytes(config.pageMaxBytes()));
        // unprefixed, so an operator's newsflow.kafka.compression.* (also unprefixed) replaces it
        // below; a producer.-prefixed default would win over it inside Streams
        props.putAll(KafkaClients.compression());
        // an article is 10-20 KB of JSON: in the producer's default 16 KB batches most went out one
        // to a batch, each with its own zstd context and broker validation. 256 KB batches took
        // bench replay from 10.9-11.7 to 10.3-10.8 ms of CPU per page (four pairs); at 4 partitions a
        // topic the Streams producer writes about 50 partitions, 13 MB of batches at most
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, STREAMS_BATCH_BYTES);
        // max.partition.fetch.bytes stays at the client's 1 MiB: a broker returns a first batch larger
        // than it anyway, so a record at the topic's limit still arrives, while a fetch from a backlog
        // holds 1 MiB per partition instead of 10 (at the topic's limit, two fetches held 23 MB, and
        // `bench pipeline`'s live heap at the peak was 230 MB against 200 MB now)
        // Streams' defaults (1,000 records buffered per partition, 1,000 per poll) suit small
        // records; with pages of 150 KB a backlog would fill the heap with undecoded pages, as
        // it did at 600 MB in `bench pipeline`. 50 per partition is still seconds of work.
        props.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, BUFFERED_PAGES_PER_PARTITION);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), BUFFERED_PAGES_PER_PARTITION);
        props.putAll(kafka);
        props.put(DeadLetterHandler.METER_REGISTRY_CONFIG, registry);
        return props;
    }

    @Override
    public String name() {
        return "enrich";
    }

    @Override
    public synchronized void start() {
        StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, config, registry);
        streams = new KafkaStreams(builder.build(), streamsConfig(config, kafka, registry));
        // Streams' own client metrics, among them the consumer lag of the pages topic
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        streams.start();
    }

    @Override
    public boolean isHealthy() {
        KafkaStreams current = streams;
        return current != null && current.state().isRunningOrRebalancing();
    }

    @Override
    public synchronized void close() {
        if (streams != null) {
            // leave the group at once, so the other instances take over this one's partitions now
            // rather than after the session timeout, and `newsflow reprocess` sees an empty group
            streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
        }
    }
}
