package io.newsflow.sink.consume;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.lifecycle.Service;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.Revision;
import io.newsflow.core.retry.Backoff;
import io.newsflow.core.topic.DeadLetter;
import io.newsflow.core.topic.DeadLetterPublisher;
import io.newsflow.core.topic.Topics;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.jdbc.ArticleStore;
import io.newsflow.sink.jdbc.WriteFailure;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code newsflow.articles} (or {@link SinkConfig#TOPIC}) and {@code newsflow.revisions}
 * (or {@link SinkConfig#REVISIONS_TOPIC}) and writes each poll's batch to the store in one transaction,
 * committing the consumer offsets only after the database commit: a crash in between redelivers the
 * batch, and the version-guarded upsert (for revisions: insert unless stored) makes that harmless.
 *
 * <p>When the database cannot take the batch (unreachable, locked, misconfigured) the sink pauses
 * its partitions, keeps the batch, reports itself unhealthy and retries with a capped exponential
 * back-off; polling goes on meanwhile so the consumer keeps its partitions. When a batch fails on
 * its data instead, it is bisected until the records that can never be written are isolated; those
 * go to {@code newsflow.dead-letters} with the reason, as do records that are not articles.
 */
public final class SinkService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final SinkConfig config;
    private final Properties kafka;
    private final ArticleStore store;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Deserializer<Article> articles = Topics.ARTICLES.valueSerde().deserializer();
    private final Deserializer<Revision> revisions = Topics.REVISIONS.valueSerde().deserializer();
    private final List<Pending> pending = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean storeAvailable = true;
    private @Nullable Thread thread;
    private @Nullable KafkaConsumer<byte[], byte[]> consumer;
    private @Nullable DeadLetterPublisher deadLetters;

    public SinkService(SinkConfig config, Properties kafka, ArticleStore store, MeterRegistry registry, Clock clock) {
        this.config = requireNonNull(config, "config");
        this.kafka = requireNonNull(kafka, "kafka");
        this.store = requireNonNull(store, "store");
        this.registry = requireNonNull(registry, "registry");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return "sink";
    }

    @Override
    public synchronized void start() {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.batchSize()));
        // max.partition.fetch.bytes stays at the client's 1 MiB: a broker returns a first batch larger
        // than it anyway, so an oversized record still arrives (and is dead-lettered)
        // raw bytes: a record that is not an article is dead-lettered as it came, not a crash in poll()
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        Properties producer = new Properties();
        producer.putAll(kafka);
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                String.valueOf(KafkaClients.maxMessageBytes(config.pageMaxBytes())));
        deadLetters = new DeadLetterPublisher(new KafkaProducer<>(producer, new ByteArraySerializer(), new ByteArraySerializer()),
                registry);
        registry.gauge(MetricNames.SINK_STORE_AVAILABLE, this, s -> s.storeAvailable ? 1 : 0);
        running = true;
        thread = new Thread(this::run, "newsflow-sink");
        thread.start();
    }

    private void run() {
        KafkaConsumer<byte[], byte[]> consumer = requireNonNull(this.consumer);
        Backoff backoff = new Backoff(config.retryBackoff(), config.retryBackoffMax());
        int failures = 0;
        Instant outageStart = clock.instant();
        try {
            consumer.subscribe(Set.of(config.topic(), config.revisionsTopic()), new Rebalance(consumer));
            while (running) {
                if (pending.isEmpty()) {
                    if (!storeAvailable) {
                        // a rebalance took every pending record away: nothing left to retry, so
                        // the next batch tests the database instead of waiting paused forever
                        storeAvailable = true;
                        consumer.resume(consumer.assignment());
                    }
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        pending.add(new Pending(record));
                    }
                    if (pending.isEmpty()) {
                        continue;
                    }
                }
                try {
                    flush();
                    if (!storeAvailable) {
                        LOG.info("database back after {}; resuming consumption", Duration.between(outageStart, clock.instant()));
                        storeAvailable = true;
                        consumer.resume(consumer.assignment());
                    }
                    failures = 0;
                } catch (RetryLater e) {
                    registry.counter(MetricNames.SINK_RETRIES, MetricNames.TAG_REASON, e.reason()).increment();
                    if (storeAvailable) {
                        outageStart = clock.instant();
                        storeAvailable = false;
                        consumer.pause(consumer.assignment());
                        if ("systemic".equals(e.reason())) {
                            LOG.error("the database refuses the sink's writes, pausing consumption until an operator fixes it: {}",
                                    e.getMessage());
                        } else {
                            LOG.warn("cannot store articles, pausing consumption and retrying: {}", e.getMessage());
                        }
                    } else {
                        LOG.debug("still cannot store articles: {}", e.getMessage());
                    }
                    waitPolling(consumer, backoff.after(++failures));
                }
            }
        } catch (RuntimeException e) {
            LOG.error("sink stopped: {}", e.toString(), e);
        } finally {
            running = false;
            consumer.close();
            requireNonNull(deadLetters).close();
        }
    }

    /**
     * Stores every unresolved pending record, then commits the offsets of all of them.
     *
     * @throws RetryLater when the database or the dead-letter topic cannot take them now; the
     *     records stored meanwhile stay resolved, so a retry neither repeats nor loses them
     */
    private void flush() throws RetryLater {
        List<Pending> toWrite = new ArrayList<>();
        for (Pending p : pending) {
            if (p.resolved) {
                continue;
            }
            if (p.record.value() == null) {
                p.resolved = true; // a tombstone; the sink keeps what it stored
            } else if (p.article == null && p.revision == null) {
                try {
                    if (p.record.topic().equals(config.revisionsTopic())) {
                        p.revision = revisions.deserialize(p.record.topic(), p.record.value());
                    } else {
                        p.article = articles.deserialize(p.record.topic(), p.record.value());
                    }
                } catch (RuntimeException e) {
                    deadLetter(p.record, e, DeadLetter.Reason.UNDECODABLE);
                    p.resolved = true;
                    continue;
                }
                toWrite.add(p);
            } else {
                toWrite.add(p);
            }
        }
        write(toWrite);
        commit();
    }

    /** Dead-letters a record; until the dead-letter topic has it, the record stays pending. */
    private void deadLetter(ConsumerRecord<byte[], byte[]> record, Exception failure, DeadLetter.Reason reason) throws RetryLater {
        DeadLetter letter = DeadLetter.of(Stage.SINK, reason, record.topic(), record.partition(), record.offset())
                .record(record.key(), record.value())
                .headers(record.headers())
                .timestamp(record.timestamp())
                .failure(failure);
        try {
            requireNonNull(deadLetters).publish(letter);
        } catch (DeadLetterPublisher.PublishException e) {
            throw new RetryLater("dead_letters", e.getMessage(), e);
        }
    }

    /** Writes records in one transaction; on a data error, bisects to find the ones to dead-letter. */
    private void write(List<Pending> batch) throws RetryLater {
        if (batch.isEmpty()) {
            return;
        }
        List<Article> rows = new ArrayList<>(batch.size());
        List<Revision> edits = new ArrayList<>();
        for (Pending p : batch) {
            if (p.revision != null) {
                edits.add(p.revision);
            } else {
                rows.add(requireNonNull(p.article));
            }
        }
        try {
            ArticleStore.Written written = store.write(rows, edits);
            registry.counter(MetricNames.SINK_ROWS, MetricNames.TAG_OUTCOME, "written").increment(written.articles());
            registry.counter(MetricNames.SINK_ROWS, MetricNames.TAG_OUTCOME, "stale").increment(rows.size() - written.articles());
            if (!edits.isEmpty()) {
                registry.counter(MetricNames.SINK_REVISIONS, MetricNames.TAG_OUTCOME, "written").increment(written.revisions());
                registry.counter(MetricNames.SINK_REVISIONS, MetricNames.TAG_OUTCOME, "duplicate")
                        .increment(edits.size() - written.revisions());
            }
            Instant now = clock.instant();
            for (Pending p : batch) {
                p.resolved = true;
                if (p.article != null) {
                    registry.timer(MetricNames.FRESHNESS).record(Duration.between(p.article.fetchedAt(), now));
                }
            }
        } catch (SQLException e) {
            WriteFailure failure = WriteFailure.of(e);
            if (failure != WriteFailure.DATA) {
                throw new RetryLater(failure == WriteFailure.TRANSIENT ? "transient" : "systemic", e.getMessage(), e);
            }
            if (batch.size() == 1) {
                Pending poison = batch.get(0);
                if (poison.revision != null) {
                    LOG.warn("revision {} of article {} can never be stored, dead-lettered: {}", poison.revision.newVersion(),
                            poison.revision.articleId(), e.getMessage());
                    registry.counter(MetricNames.SINK_REVISIONS, MetricNames.TAG_OUTCOME, "dead_letter").increment();
                } else {
                    LOG.warn("article {} can never be stored, dead-lettered: {}", requireNonNull(poison.article).id(), e.getMessage());
                    registry.counter(MetricNames.SINK_ROWS, MetricNames.TAG_OUTCOME, "dead_letter").increment();
                }
                deadLetter(poison.record, e, DeadLetter.Reason.REJECTED);
                poison.resolved = true;
                return;
            }
            int half = batch.size() / 2;
            write(batch.subList(0, half));
            write(batch.subList(half, batch.size()));
        }
    }

    private void commit() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Pending p : pending) {
            offsets.merge(new TopicPartition(p.record.topic(), p.record.partition()),
                    new OffsetAndMetadata(p.record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        pending.clear();
        try {
            requireNonNull(consumer).commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // the partitions moved on while we wrote; their new owner redelivers, the upsert is idempotent
            LOG.info("offsets not committed, partitions were reassigned: {}", e.getMessage());
        } catch (RetriableException e) {
            // the broker is unavailable: the next commit covers these offsets, or a restart redelivers them
            LOG.warn("offsets not committed, will be with the next batch: {}", e.getMessage());
        }
    }

    /** Waits out a back-off while polling, so the group keeps this member and close() is not delayed. */
    private void waitPolling(KafkaConsumer<byte[], byte[]> consumer, Duration wait) {
        Instant until = clock.instant().plus(wait);
        while (running) {
            Duration left = Duration.between(clock.instant(), until);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            // partitions are paused, yet a poll can return what a rebalance just handed over
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(left.compareTo(POLL) < 0 ? left : POLL)) {
                pending.add(new Pending(record));
            }
        }
    }

    /** Whether the sink runs and the database takes its writes; false during an outage. */
    @Override
    public boolean isHealthy() {
        Thread t = thread;
        return running && storeAvailable && t != null && t.isAlive();
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            try {
                t.join(90_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A consumed record (an article or a revision) until it is written, found stale or dead-lettered. */
    private static final class Pending {
        final ConsumerRecord<byte[], byte[]> record;
        @Nullable Article article;
        @Nullable Revision revision;
        boolean resolved;

        Pending(ConsumerRecord<byte[], byte[]> record) {
            this.record = record;
        }
    }

    /** Keeps the pending batch and the pause in step with the partitions this consumer owns. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<byte[], byte[]> consumer;

        Rebalance(KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // the new owner reads them again from the last committed offset
            pending.removeIf(p -> partitions.contains(new TopicPartition(p.record.topic(), p.record.partition())));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!storeAvailable) {
                consumer.pause(partitions);
            }
        }
    }
}
