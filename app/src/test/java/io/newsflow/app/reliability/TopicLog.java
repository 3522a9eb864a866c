package io.newsflow.app.reliability;

import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Article;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic as committed (read_committed), to count what the pipeline published. */
final class TopicLog {

    private TopicLog() {
    }

    /** Every committed record of {@code topic}, from the beginning to the current end. */
    static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "reliability-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(16 * 1024 * 1024));
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // under read_committed the end offsets are the last stable offsets
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * How many committed article records repeat an earlier one for the same article and content:
     * under exactly-once every (article, content) pair is published once.
     */
    static long articleDuplicates(String bootstrap, Set<String> urls) {
        Map<String, Integer> copies = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : readAll(bootstrap, "newsflow.articles")) {
            Article article = decodeArticle(record.value());
            if (article != null && urls.contains(article.url())) {
                copies.merge(article.url() + " " + article.contentSha256(), 1, Integer::sum);
            }
        }
        return copies.values().stream().collect(Collectors.summingLong(n -> n - 1));
    }

    private static Article decodeArticle(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return JsonCodec.decode(value, Article.class);
        } catch (RuntimeException e) {
            // poison records are the dead-letter test's business, not a duplicate
            return null;
        }
    }
}
