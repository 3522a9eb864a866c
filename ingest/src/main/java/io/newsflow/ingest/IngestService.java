package io.newsflow.ingest;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.lifecycle.Service;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import io.newsflow.ingest.fetch.PageFetcher;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fetches the configured start URLs on every re-poll and publishes changed pages. */
public final class IngestService implements Service {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final Properties kafka;
    private final MeterRegistry registry;
    private final PageFetcher fetcher;
    private final Map<String, String> lastHashByUrl = new HashMap<>();
    private volatile boolean running;
    private Thread thread;
    private Producer<String, Page> producer;

    public IngestService(IngestConfig config, Properties kafka, MeterRegistry registry, Clock clock) {
        this.config = requireNonNull(config, "config");
        this.kafka = requireNonNull(kafka, "kafka");
        this.registry = requireNonNull(registry, "registry");
        this.fetcher = new PageFetcher(config.userAgent(), config.fetchTimeout(), config.pageMaxBytes(), clock);
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public synchronized void start() {
        producer = new KafkaProducer<>(KafkaClients.pageProducer(kafka, config.pageMaxBytes()),
                Topics.PAGES.keySerde().serializer(), Topics.PAGES.valueSerde().serializer());
        running = true;
        thread = new Thread(this::run, "newsflow-ingest");
        thread.start();
    }

    private void run() {
        while (running) {
            for (String url : config.startUrls()) {
                if (!running) {
                    break;
                }
                fetchAndPublish(url);
            }
            producer.flush();
            try {
                Thread.sleep(config.repollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void fetchAndPublish(String url) {
        Timer.Sample sample = Timer.start(registry);
        try {
            Page page = fetcher.fetch(url, "start-urls");
            sample.stop(registry.timer(MetricNames.FETCH_LATENCY));
            registry.counter(MetricNames.FETCH_BYTES).increment(page.html().length());
            if (page.status() / 100 != 2) {
                LOG.warn("fetch {} failed: HTTP {}", url, page.status());
                registry.counter(MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, "http_" + page.status() / 100 + "xx").increment();
                return;
            }
            if (page.contentSha256().equals(lastHashByUrl.put(page.canonicalUrl(), page.contentSha256()))) {
                registry.counter(MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, "unchanged").increment();
                return;
            }
            producer.send(new ProducerRecord<>(Topics.PAGES.name(), page.canonicalUrl(), page), (meta, error) -> {
                if (error != null) {
                    LOG.warn("publish {} failed: {}", url, error.toString());
                }
            });
            registry.counter(MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, "ok").increment();
        } catch (IOException | RuntimeException e) {
            LOG.warn("fetch {} failed: {}", url, e.toString());
            registry.counter(MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, e.getClass().getSimpleName()).increment();
        }
    }

    @Override
    public boolean isHealthy() {
        return running && thread != null && thread.isAlive();
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close();
        }
    }
}
