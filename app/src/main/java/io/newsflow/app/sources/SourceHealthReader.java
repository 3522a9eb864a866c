package io.newsflow.app.sources;

import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.json.JsonCodecException;
import io.newsflow.core.record.SourceHealth;
import io.newsflow.core.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the latest health of every source from the compacted {@code newsflow.source-health} topic,
 * from its beginning to its current end, without a consumer group.
 */
public final class SourceHealthReader {

    private static final Logger LOG = LoggerFactory.getLogger(SourceHealthReader.class);

    /** Worst first (failing, blocked, silent, quiet, ok), then by name. */
    public static final Comparator<SourceHealth> WORST_FIRST =
            Comparator.comparing(SourceHealth::status).thenComparing(SourceHealth::source);

    private SourceHealthReader() {
    }

    /**
     * The latest record of each source, worst first.
     *
     * @throws TimeoutException when the broker does not answer within {@code timeout}
     */
    public static List<SourceHealth> read(Properties kafka, Duration timeout) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-sources-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
        Map<String, SourceHealth> latest = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.SOURCE_HEALTH.name(), timeout)
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!caughtUp(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("cannot read " + Topics.SOURCE_HEALTH.name() + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() == null) {
                        continue;
                    }
                    if (record.value() == null) {
                        latest.remove(record.key());
                        continue;
                    }
                    try {
                        latest.put(record.key(), JsonCodec.decode(record.value(), SourceHealth.class));
                    } catch (JsonCodecException e) {
                        LOG.warn("skipping an unreadable source-health record at {}-{}@{}: {}", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                    }
                }
            }
        }
        return latest.values().stream().sorted(WORST_FIRST).toList();
    }

    private static boolean caughtUp(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey()) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }
}
