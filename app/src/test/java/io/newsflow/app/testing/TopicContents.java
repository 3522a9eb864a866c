package io.newsflow.app.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What a topic holds now, as a subscriber sees it: every committed record from the beginning to
 * the last stable offset at the time of the call (read_committed, so aborted transactions and
 * records still in an open one are left out). Values come as the given deserializer makes them;
 * tests that share a broker with poison-record tests read bytes and decode what they own.
 */
public final class TopicContents {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private TopicContents() {
    }

    /** Every committed record of every partition of {@code topic}. */
    public static <K, V> List<ConsumerRecord<K, V>> read(String bootstrap, String topic, Deserializer<K> keys,
            Deserializer<V> values) {
        return read(bootstrap, keys, values, consumer -> consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList());
    }

    /** Every committed record of one partition. */
    public static <K, V> List<ConsumerRecord<K, V>> read(String bootstrap, TopicPartition partition, Deserializer<K> keys,
            Deserializer<V> values) {
        return read(bootstrap, keys, values, consumer -> List.of(partition));
    }

    private static <K, V> List<ConsumerRecord<K, V>> read(String bootstrap, Deserializer<K> keys, Deserializer<V> values,
            Function<KafkaConsumer<K, V>, List<TopicPartition>> partitionsOf) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // pages are up to the page limit; a smaller fetch size would still progress, only slower
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(props, keys, values)) {
            List<TopicPartition> partitions = partitionsOf.apply(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // under read_committed the end offsets are the last stable offsets
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + partitions + " to " + end + " within " + DEADLINE);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
