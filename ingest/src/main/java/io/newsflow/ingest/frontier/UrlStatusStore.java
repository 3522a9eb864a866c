package io.newsflow.ingest.frontier;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.json.JsonCodecException;
import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.record.UrlStatus;
import io.newsflow.core.topic.Topics;
import io.newsflow.ingest.source.SourceStates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawler's seen-set: every URL's last {@link UrlStatus}, kept on the compacted
 * {@code newsflow.url-status} topic and mirrored in memory. Each instance tails the whole topic, so
 * it learns what other instances fetched, and a restarted crawler reads it back instead of
 * refetching everything.
 */
public final class UrlStatusStore implements SourceStates, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UrlStatusStore.class);

    private final Map<String, UrlStatus> byUrl = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, UrlStatus> producer;
    private final Thread tail;
    private volatile boolean running = true;

    public UrlStatusStore(Properties kafka) {
        requireNonNull(kafka, "kafka");
        Properties consumerProps = new Properties();
        consumerProps.putAll(kafka);
        consumerProps.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        Properties producerProps = new Properties();
        producerProps.putAll(kafka);
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        this.producer = new KafkaProducer<>(producerProps, Topics.URL_STATUS.keySerde().serializer(),
                Topics.URL_STATUS.valueSerde().serializer());
        this.tail = DaemonThreads.of("newsflow-url-status", this::run);
    }

    /** Starts tailing the topic and waits until everything already on it has been read. */
    public void start(Duration timeout) {
        tail.start();
        if (!awaitCaughtUp(timeout)) {
            throw new IllegalStateException("cannot read " + Topics.URL_STATUS.name() + " within " + timeout);
        }
        LOG.info("seen-set loaded: {} known URLs", byUrl.size());
    }

    /** The last status of a canonical URL, or null when it was never fetched. */
    @Override
    public @Nullable UrlStatus get(String url) {
        return byUrl.get(url);
    }

    public int size() {
        return byUrl.size();
    }

    /** Records a status locally at once and publishes it. */
    @Override
    public void record(UrlStatus status) {
        merge(status);
        producer.send(new ProducerRecord<>(Topics.URL_STATUS.name(), status.url(), status), (meta, error) -> {
            if (error != null) {
                LOG.warn("cannot publish url status of {}: {}", status.url(), error.toString());
            }
        });
    }

    /** Waits until every status sent so far is acknowledged, before the offsets that led to them are committed. */
    public void flush() {
        producer.flush();
    }

    /**
     * Waits until this store has read everything on the topic as of now, e.g. before taking over a
     * partition from an instance that just left.
     */
    public boolean awaitCaughtUp(Duration timeout) {
        CompletableFuture<Void> request = new CompletableFuture<>();
        catchUpRequests.add(request);
        try {
            request.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void merge(UrlStatus status) {
        // keep the newest: a record read back from the topic may be older than one recorded locally
        byUrl.merge(status.url(), status, (old, fresh) -> fresh.checkedAt().isBefore(old.checkedAt()) ? old : fresh);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            while (running && partitions.isEmpty()) {
                consumer.partitionsFor(Topics.URL_STATUS.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            Map<TopicPartition, Long> targets = Map.of();
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() == null) {
                        continue;
                    }
                    try {
                        merge(JsonCodec.decode(record.value(), UrlStatus.class));
                    } catch (JsonCodecException e) {
                        LOG.warn("skipping unreadable url status at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
                    }
                }
                if (waiting.isEmpty() && !catchUpRequests.isEmpty()) {
                    CompletableFuture<Void> next;
                    while ((next = catchUpRequests.poll()) != null) {
                        waiting.add(next);
                    }
                    targets = consumer.endOffsets(partitions);
                }
                if (!waiting.isEmpty() && caughtUp(targets)) {
                    waiting.forEach(f -> f.complete(null));
                    waiting.clear();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("url-status reader stopped: {}", e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> targets) {
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            if (consumer.position(target.getKey()) < target.getValue()) {
                return false;
            }
        }
        return true;
    }

    public boolean isHealthy() {
        return tail.isAlive();
    }

    @Override
    public void close() {
        running = false;
        if (tail.isAlive()) {
            consumer.wakeup();
            try {
                tail.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (tail.getState() == Thread.State.NEW) {
            consumer.close();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
