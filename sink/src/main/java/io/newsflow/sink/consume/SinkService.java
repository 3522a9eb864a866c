package io.newsflow.sink.consume;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.lifecycle.Service;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Article;
import io.newsflow.core.topic.Topics;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.jdbc.ArticleStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes {@code newsflow.articles} and writes each poll's batch to the store in one transaction,
 * committing the consumer offsets only after the database commit: a crash in between redelivers the
 * batch, and the version-guarded upsert makes that harmless.
 */
public final class SinkService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(SinkService.class);

    private final SinkConfig config;
    private final Properties kafka;
    private final ArticleStore store;
    private final MeterRegistry registry;
    private final Clock clock;
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, Article> consumer;

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
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                String.valueOf(KafkaClients.maxMessageBytes(io.newsflow.core.config.CommonConfig.DEFAULT_PAGE_MAX_BYTES)));
        consumer = new KafkaConsumer<>(props, Topics.ARTICLES.keySerde().deserializer(),
                Topics.ARTICLES.valueSerde().deserializer());
        running = true;
        thread = new Thread(this::run, "newsflow-sink");
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(Set.of(Topics.ARTICLES.name()));
            while (running) {
                ConsumerRecords<String, Article> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                List<Article> batch = new ArrayList<>(records.count());
                for (ConsumerRecord<String, Article> record : records) {
                    if (record.value() != null) {
                        batch.add(record.value());
                    }
                }
                int written = store.write(batch);
                consumer.commitSync();
                registry.counter(MetricNames.SINK_ROWS, MetricNames.TAG_OUTCOME, "written").increment(written);
                registry.counter(MetricNames.SINK_ROWS, MetricNames.TAG_OUTCOME, "stale").increment(batch.size() - written);
                var now = clock.instant();
                for (Article a : batch) {
                    registry.timer(MetricNames.FRESHNESS).record(Duration.between(a.fetchedAt(), now));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (Exception e) {
            LOG.error("sink stopped: {}", e.toString(), e);
            running = false;
        } finally {
            consumer.close();
        }
    }

    @Override
    public boolean isHealthy() {
        return running && thread != null && thread.isAlive();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
