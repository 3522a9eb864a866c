package io.newsflow.app.dashboard;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background consumer behind a dashboard feed: it reads its topics without a consumer group
 * (it commits nothing and takes no partitions from any stage) on a daemon thread and hands every
 * record to the feed, until closed. A record it cannot deserialise, or one the feed fails on, is
 * logged and skipped, and a failed read is retried with back-off: a dashboard runs for months, and
 * one bad record or a broker restart must not leave a panel frozen for the rest of the process.
 */
final class FeedReader<K, V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedReader.class);

    /**
     * Where reading starts in one topic: at its beginning, or {@code back} records before the end
     * of each partition (so a restarted dashboard is not empty).
     */
    record From(String topic, boolean beginning, int back) {

        static From beginning(String topic) {
            return new From(topic, true, 0);
        }

        static From lastRecords(String topic, int back) {
            return new From(topic, false, back);
        }
    }

    /** Waits between reads that failed in a row: a lost broker is asked again soon, then less often. */
    private static final Backoff RETRY = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10));

    private final String name;
    private final List<From> from;
    private final Consumer<ConsumerRecord<K, V>> take;
    private final KafkaConsumer<K, V> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    private FeedReader(String name, List<From> from, Consumer<ConsumerRecord<K, V>> take, KafkaConsumer<K, V> consumer) {
        this.name = name;
        this.from = from;
        this.take = take;
        this.consumer = consumer;
        this.thread = DaemonThreads.of(name, this::run);
    }

    /**
     * Starts reading {@code from} of the cluster in {@code kafka} on a daemon thread named
     * {@code name} (also the client id), handing each record to {@code take}.
     */
    static <K, V> FeedReader<K, V> start(String name, Properties kafka, Deserializer<K> keys, Deserializer<V> values,
            List<From> from, Consumer<ConsumerRecord<K, V>> take) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, requireNonNull(name, "name"));
        FeedReader<K, V> reader = new FeedReader<>(name, List.copyOf(from), requireNonNull(take, "take"),
                new KafkaConsumer<>(props, keys, values));
        reader.thread.start();
        return reader;
    }

    private void run() {
        boolean assigned = false;
        int failures = 0;
        try {
            while (running) {
                try {
                    if (!assigned) {
                        assignAndSeek();
                        assigned = true;
                    }
                    for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(500))) {
                        takeOne(record);
                    }
                    failures = 0;
                } catch (WakeupException e) {
                    throw e;
                } catch (RecordDeserializationException e) {
                    // a record this feed cannot read is shown by no panel; the ones after it still are
                    LOG.warn("{} skips {}-{} at offset {}: {}", name, e.topicPartition().topic(), e.topicPartition().partition(),
                            e.offset(), e.getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                } catch (KafkaException e) {
                    // a broker lost or a request timed out: the panel goes stale, not dead for the process's life
                    failures++;
                    LOG.warn("{} cannot read ({} in a row), retrying: {}", name, failures, e.toString());
                    Thread.sleep(RETRY.after(failures).toMillis());
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("{} stopped: {}", name, e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void assignAndSeek() {
        Map<From, List<TopicPartition>> partitions = new LinkedHashMap<>();
        for (From f : from) {
            partitions.put(f, awaitPartitions(f.topic()));
        }
        List<TopicPartition> all = new ArrayList<>();
        partitions.values().forEach(all::addAll);
        consumer.assign(all);
        partitions.forEach(this::seek);
    }

    /** Hands one record to the feed; a record the feed fails on is logged and left out, not fatal. */
    private void takeOne(ConsumerRecord<K, V> record) {
        try {
            take.accept(record);
        } catch (RuntimeException e) {
            LOG.warn("{} leaves out {}-{} at offset {}: {}", name, record.topic(), record.partition(), record.offset(), e.toString());
        }
    }

    private void seek(From f, List<TopicPartition> partitions) {
        if (f.beginning()) {
            consumer.seekToBeginning(partitions);
            return;
        }
        consumer.seekToEnd(partitions);
        for (TopicPartition tp : partitions) {
            consumer.seek(tp, Math.max(0, consumer.position(tp) - f.back()));
        }
    }

    private List<TopicPartition> awaitPartitions(String topic) {
        while (running) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                }
            } catch (TimeoutException e) {
                // the broker is not up yet (a service may start before it); keep asking
                LOG.debug("{} not reachable yet: {}", topic, e.toString());
            }
        }
        return List.of();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
