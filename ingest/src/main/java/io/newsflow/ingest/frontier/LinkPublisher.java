package io.newsflow.ingest.frontier;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Link;
import io.newsflow.core.record.UrlStatus;
import io.newsflow.core.topic.Topics;
import io.newsflow.core.topic.HostKey;
import io.newsflow.ingest.source.LinkSink;
import io.newsflow.ingest.state.UrlStateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes discovered URLs to {@code newsflow.links}, canonicalised and keyed by {@link HostKey}.
 * A URL of an owned host that the crawler state knows and that is not due again is not published
 * (its listing is noted, for retention), nor is one published recently and not fetched yet, so
 * re-polling a feed every minute does not flood the topic. A URL on a host another instance owns
 * is published (at most once per retry interval) and its owner skips it when known.
 */
public final class LinkPublisher implements LinkSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LinkPublisher.class);
    private static final int RECENT_LIMIT = 200_000;

    private final KafkaProducer<String, Link> producer;
    private final UrlStateStore statuses;
    private final RefetchPolicy policy;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> recentlyPublished = new ConcurrentHashMap<>();

    public LinkPublisher(Properties kafka, UrlStateStore statuses, RefetchPolicy policy, MeterRegistry registry, Clock clock) {
        Properties props = KafkaClients.producer(requireNonNull(kafka, "kafka"));
        this.producer = new KafkaProducer<>(props, Topics.LINKS.keySerde().serializer(), Topics.LINKS.valueSerde().serializer());
        this.statuses = requireNonNull(statuses, "statuses");
        this.policy = requireNonNull(policy, "policy");
        this.registry = requireNonNull(registry, "registry");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Publishes one discovered URL unless it is known and not due; returns whether it was published. */
    @Override
    public boolean offer(String url, String source, @Nullable Instant publishedAt) {
        String canonical = UrlCanonicalizer.canonicalize(url);
        if (canonical == null || HostKey.of(canonical).isEmpty()) {
            count("invalid");
            return false;
        }
        Instant now = clock.instant();
        Instant published = recentlyPublished.get(canonical);
        boolean waiting = published != null && now.isBefore(published.plus(policy.retryAfter()));
        // the state of hosts this instance owns is here; a link of another host goes to its owner, who decides
        UrlStatus known = statuses.get(canonical);
        if (waiting || !policy.due(known, now)) {
            if (known != null) {
                statuses.noteListed(known, now);
            }
            count("known");
            return false;
        }
        remember(canonical, now);
        Link link = new Link(canonical, source, now, publishedAt);
        // key by host: one partition = one politeness queue
        producer.send(new ProducerRecord<>(Topics.LINKS.name(), HostKey.of(canonical), link), (meta, error) -> {
            if (error != null) {
                recentlyPublished.remove(canonical);
                LOG.warn("cannot publish link {}: {}", canonical, error.toString());
            }
        });
        count("published");
        return true;
    }

    private void remember(String canonical, Instant now) {
        if (recentlyPublished.size() >= RECENT_LIMIT) {
            Instant horizon = now.minus(policy.retryAfter());
            for (Iterator<Instant> it = recentlyPublished.values().iterator(); it.hasNext(); ) {
                if (it.next().isBefore(horizon)) {
                    it.remove();
                }
            }
            if (recentlyPublished.size() >= RECENT_LIMIT) {
                recentlyPublished.clear();
            }
        }
        recentlyPublished.put(canonical, now);
    }

    private void count(String outcome) {
        registry.counter(MetricNames.LINKS_DISCOVERED, MetricNames.TAG_OUTCOME, outcome).increment();
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
