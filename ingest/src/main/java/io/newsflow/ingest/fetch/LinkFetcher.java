package io.newsflow.ingest.fetch;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.json.JsonCodecException;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.FetchOutcome;
import io.newsflow.core.record.Link;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.UrlStatus;
import io.newsflow.core.retry.Backoff;
import io.newsflow.core.status.HostStatus;
import io.newsflow.core.topic.DeadLetter;
import io.newsflow.core.topic.DeadLetterPublisher;
import io.newsflow.core.topic.Topics;
import io.newsflow.core.topic.HostKey;
import io.newsflow.ingest.frontier.RefetchPolicy;
import io.newsflow.ingest.state.UrlStateStore;
import io.newsflow.ingest.robots.RobotsCache;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains {@code newsflow.links} as a member of a consumer group and fetches each link politely.
 * A host's links share a partition, so the instance that owns the partition owns the host: its
 * workers fetch one URL of a host at a time, at most once per delay. When a partition is taken
 * away, the queued links are dropped uncommitted and the ones being fetched are finished first,
 * so the next owner neither fetches a host at the same time nor skips a link.
 */
public final class LinkFetcher implements HostSlots, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LinkFetcher.class);
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    /**
     * @param groupId the consumer group all fetcher instances share
     * @param threads concurrent fetches (each on a different host)
     * @param minDelay the least time between two requests to one host
     * @param backoffBase the first back-off after a 5xx or timeout; doubles per consecutive failure, with jitter
     * @param backoffMax the longest back-off
     * @param maxQueued links held in memory before consumption pauses
     * @param hostMaxQueued links of one host held in memory; the rest wait in the topic (see {@link HostBacklog})
     * @param longestFetch the total time limit of one fetch, bounding how long a handover waits
     */
    public record Settings(String groupId, int threads, Duration minDelay, Duration backoffBase, Duration backoffMax,
            int maxQueued, int hostMaxQueued, Duration longestFetch) {

        public Settings {
            requireNonNull(groupId, "groupId");
            requireNonNull(minDelay, "minDelay");
            requireNonNull(backoffBase, "backoffBase");
            requireNonNull(backoffMax, "backoffMax");
            requireNonNull(longestFetch, "longestFetch");
            if (threads < 1 || maxQueued < 1 || hostMaxQueued < 1) {
                throw new IllegalArgumentException("threads, maxQueued and hostMaxQueued must be positive");
            }
        }
    }

    private record UnackedPage(String contentSha256, CompletableFuture<Boolean> acked) {
    }

    private final Settings settings;
    private final PageFetcher pages;
    private final RobotsCache robots;
    private final UrlStateStore statuses;
    private final RefetchPolicy policy;
    private final MeterRegistry registry;
    private final Clock clock;
    private final HostLedger ledger;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, Page> producer;
    private final DeadLetterPublisher deadLetters;
    private final Backoff backoff;
    private final HostQueues queues = new HostQueues();
    private final OffsetTracker offsets = new OffsetTracker();
    private final HostBacklog backlog;
    private final List<Thread> workers = new ArrayList<>();
    /** Pages sent and not yet acknowledged, by canonical URL: their statuses are written on the acknowledgement. */
    private final Map<String, UnackedPage> unacked = new ConcurrentHashMap<>();
    private final List<HostOwnership> listeners = new CopyOnWriteArrayList<>();
    /** The partitions of {@code newsflow.links} this instance owns, and with them their hosts. */
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private volatile @Nullable HostPartitioner partitioner;
    private final Thread poller;
    private volatile boolean running;
    private long lastCommitNanos = System.nanoTime();

    public LinkFetcher(Settings settings, Properties kafka, int pageMaxBytes, PageFetcher pages, RobotsCache robots,
            UrlStateStore statuses, RefetchPolicy policy, MeterRegistry registry, Clock clock) {
        this.settings = requireNonNull(settings, "settings");
        this.pages = requireNonNull(pages, "pages");
        this.robots = requireNonNull(robots, "robots");
        this.statuses = requireNonNull(statuses, "statuses");
        this.policy = requireNonNull(policy, "policy");
        this.registry = requireNonNull(registry, "registry");
        this.clock = requireNonNull(clock, "clock");
        this.ledger = new HostLedger(clock);
        Properties consumerProps = new Properties();
        consumerProps.putAll(kafka);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // a handover waits for in-flight fetches, so allow the poll gap that takes
        consumerProps.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                String.valueOf(Math.max(300_000, 4 * settings.longestFetch().toMillis())));
        this.consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(KafkaClients.pageProducer(kafka, pageMaxBytes),
                Topics.PAGES.keySerde().serializer(), Topics.PAGES.valueSerde().serializer());
        // sized like the page producer: a link record that got into its topic fits the dead-letter topic
        this.deadLetters = new DeadLetterPublisher(new KafkaProducer<>(KafkaClients.pageProducer(kafka, pageMaxBytes),
                new ByteArraySerializer(), new ByteArraySerializer()), registry);
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffMax());
        this.backlog = new HostBacklog(settings.hostMaxQueued());
        this.poller = new Thread(this::poll, "newsflow-fetch-poll");
        registry.gauge(MetricNames.FETCH_QUEUE_URLS, queues, HostQueues::size);
        registry.gauge(MetricNames.FETCH_QUEUE_HOSTS, queues, HostQueues::hostCount);
        registry.gauge(MetricNames.FETCH_QUEUE_HOST_MAX, queues, HostQueues::deepest);
        registry.gauge(MetricNames.FETCH_BACKLOG_HOSTS, backlog, HostBacklog::hostCount);
    }

    /** Tells {@code listener} which hosts this instance owns, from the first assignment on; call before {@link #start}. */
    public void listen(HostOwnership listener) {
        listeners.add(requireNonNull(listener, "listener"));
    }

    @Override
    public boolean owns(String url) {
        return ownsHost(HostKey.of(url));
    }

    private boolean ownsHost(String hostKey) {
        HostPartitioner current = partitioner;
        return running && !hostKey.isEmpty() && current != null && owned.contains(current.partitionOf(hostKey));
    }

    @Override
    public boolean acquire(String url, Duration maxWait) throws InterruptedException {
        String host = HostKey.of(url);
        return !host.isEmpty() && queues.acquire(host, maxWait.toNanos(), () -> ownsHost(host));
    }

    @Override
    public void release(String url, boolean failed) {
        String host = HostKey.of(url);
        queues.release(host, politeDelay(url, failed).toNanos(), failed);
    }

    /** The wait before the next request to the host of {@code url}: the minimum delay, its crawl-delay, a back-off after a failure. */
    private Duration politeDelay(String url, boolean failed) {
        RobotsCache.Rules rules = robots.cached(url);
        Duration delay = rules != null && rules.crawlDelay().compareTo(settings.minDelay()) > 0 ? rules.crawlDelay() : settings.minDelay();
        if (failed) {
            Duration backoff = backoff(HostKey.of(url));
            delay = backoff.compareTo(delay) > 0 ? backoff : delay;
        }
        return delay;
    }

    public synchronized void start() {
        running = true;
        for (int i = 0; i < settings.threads(); i++) {
            Thread worker = new Thread(this::work, "newsflow-fetch-" + i);
            workers.add(worker);
            worker.start();
        }
        poller.start();
    }

    public boolean isHealthy() {
        return running && poller.isAlive() && workers.stream().allMatch(Thread::isAlive);
    }

    private void poll() {
        Set<TopicPartition> paused = new HashSet<>();
        try {
            partitioner = new HostPartitioner(consumer.partitionsFor(Topics.LINKS.name()).size());
            consumer.subscribe(List.of(Topics.LINKS.name()), new Handover());
            while (running) {
                if (queues.size() >= settings.maxQueued()) {
                    paused.addAll(consumer.assignment());
                    consumer.pause(paused);
                } else if (!paused.isEmpty()) {
                    paused.retainAll(consumer.assignment());
                    consumer.resume(paused);
                    paused.clear();
                }
                backlog.rewinds(queues::depth, offsets::next).forEach(consumer::seek);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    take(record);
                }
                backlog.rereading().forEach((partition, end) -> {
                    if (consumer.assignment().contains(partition) && consumer.position(partition) >= end) {
                        backlog.reread(partition);
                    }
                });
                if (System.nanoTime() - lastCommitNanos > COMMIT_INTERVAL.toNanos()) {
                    commitHandled();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (KafkaException e) {
            LOG.error("link consumer stopped: {}", e.toString(), e);
        } finally {
            stopWorkers();
            try {
                commitHandled();
            } catch (KafkaException e) {
                LOG.warn("final commit failed: {}", e.toString());
            }
            consumer.close();
        }
    }

    /**
     * Queues a link, or leaves it in the topic while its host has its share queued. A record read
     * again after a rewind is taken only if it is one of the links left; the others were handled.
     */
    private void take(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        boolean reread = !offsets.isNew(partition, record.offset());
        if (reread && !backlog.isLeft(partition, record.key(), record.offset())) {
            return;
        }
        // the key is the link's host (see Topics.LINKS); a record without one is judged when decoded
        String host = record.key();
        if (host != null && backlog.holdsBack(partition, host, record.offset(), queues.depth(host), reread)) {
            offsets.passed(partition, record.offset());
            return;
        }
        enqueue(partition, record);
    }

    private void enqueue(TopicPartition partition, ConsumerRecord<String, byte[]> record) {
        offsets.started(partition, record.offset());
        Link link;
        String failure = "no host in the link's URL";
        try {
            link = record.value() == null ? null : JsonCodec.decode(record.value(), Link.class);
        } catch (JsonCodecException e) {
            link = null;
            failure = e.getMessage();
        }
        String host = link == null ? "" : HostKey.of(link.url());
        if (host.isEmpty()) {
            LOG.warn("skipping unreadable link at {}@{}", partition, record.offset());
            registry.counter(MetricNames.FETCH_SKIPPED, MetricNames.TAG_REASON, "unreadable").increment();
            if (record.value() != null) {
                deadLetter(record, failure);
            }
            offsets.finished(partition, record.offset());
            return;
        }
        queues.add(new QueuedLink(host, link, partition, record.offset(), System.nanoTime()));
    }

    /**
     * Sends an unreadable link to {@code newsflow.dead-letters} as it came, with the reason, and waits
     * for the broker to have it. If it cannot, the consumer stops before committing past the link.
     */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetter.of(Stage.INGEST, DeadLetter.Reason.UNDECODABLE, record.topic(), record.partition(),
                        record.offset())
                .record(key, record.value())
                .headers(record.headers())
                .timestamp(record.timestamp())
                .failure(JsonCodecException.class.getName(), reason == null ? "unreadable link" : reason);
        try {
            deadLetters.publish(letter);
        } catch (DeadLetterPublisher.PublishException e) {
            throw new KafkaException("cannot dead-letter the link at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset(), e);
        }
    }

    /** Commits what is handled, after the pages and statuses it produced are acknowledged (dead letters are at once). */
    private void commitHandled() {
        lastCommitNanos = System.nanoTime();
        producer.flush();
        statuses.flush();
        Map<TopicPartition, OffsetAndMetadata> committable = offsets.committable(backlog::firstLeft);
        committable.keySet().retainAll(consumer.assignment());
        if (!committable.isEmpty()) {
            consumer.commitSync(committable);
            offsets.markCommitted(committable);
        }
    }

    private final class Handover implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Set<TopicPartition> set = new HashSet<>(partitions);
            Predicate<String> leaving = hostsOf(set);
            partitions.forEach(p -> owned.remove(p.partition()));
            listeners.forEach(l -> l.revoked(leaving));
            List<QueuedLink> dropped = queues.removePartitions(set);
            try {
                offsets.awaitInFlight(set, dropped, settings.longestFetch().toMillis() + 5_000);
                // source and robots.txt requests to these hosts finish here too: the next owner starts after
                if (!queues.awaitIdle(leaving, settings.longestFetch().plusSeconds(5).toNanos())) {
                    LOG.warn("requests to hosts of {} still running at hand-over", set);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                commitHandled();
            } catch (KafkaException e) {
                LOG.warn("commit on handover failed: {}", e.toString());
            }
            offsets.forget(set);
            backlog.forget(set);
            statuses.revoke(numbers(partitions));
            LOG.info("handed over {} ({} queued links left for the next owner)", set, dropped.size());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(p -> owned.remove(p.partition()));
            listeners.forEach(l -> l.revoked(hostsOf(partitions)));
            queues.removePartitions(new HashSet<>(partitions));
            offsets.forget(partitions);
            backlog.forget(partitions);
            statuses.revoke(numbers(partitions));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            // the hosts' state first: their links and sources are looked up in it
            statuses.assign(numbers(partitions));
            partitions.forEach(p -> owned.add(p.partition()));
            Predicate<String> arriving = hostsOf(partitions);
            listeners.forEach(l -> l.assigned(arriving));
            LOG.info("owning {}", partitions);
        }

        private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
            Set<Integer> numbers = new HashSet<>();
            partitions.forEach(p -> numbers.add(p.partition()));
            return numbers;
        }

        private Predicate<String> hostsOf(Collection<TopicPartition> partitions) {
            HostPartitioner current = requireNonNull(partitioner, "partitioner");
            Set<Integer> numbers = new HashSet<>();
            partitions.forEach(p -> numbers.add(p.partition()));
            return host -> numbers.contains(current.partitionOf(host));
        }
    }

    private void work() {
        while (running) {
            QueuedLink next;
            try {
                next = queues.take(Duration.ofMillis(200).toNanos());
            } catch (InterruptedException e) {
                return;
            }
            if (next == null) {
                continue;
            }
            try {
                handle(next);
            } catch (InterruptedException e) {
                queues.releaseUnused(next.host());
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a bug, not the server's doing: log it loudly, keep the crawler going
                LOG.error("fetching {} failed unexpectedly", next.link().url(), e);
                registry.counter(MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, FetchOutcome.INTERNAL_ERROR.tag()).increment();
                queues.release(next.host(), settings.minDelay().toNanos(), false);
            } finally {
                offsets.finished(next.partition(), next.offset());
            }
        }
    }

    private void handle(QueuedLink queued) throws InterruptedException {
        String url = queued.link().url();
        String host = queued.host();
        Instant now = clock.instant();
        UrlStatus previous = statuses.get(url);
        // a revisit is scheduled by enrich to catch edits: it is due whatever the seen-set says
        if (!queued.link().isRevisit() && !policy.due(previous, now)) {
            skipped("known");
            // listed again: the URL stays in the state past its retention
            statuses.noteListed(previous, now);
            queues.releaseUnused(host);
            return;
        }
        RobotsCache.Rules rules = robots.cached(url);
        if (rules == null) {
            // robots.txt is a request to the host like any other: the article waits the host's delay after it
            rules = robots.rulesFor(url);
            Thread.sleep(politeDelay(url, rules.unavailable()).toMillis());
        }
        if (rules.unavailable()) {
            skipped("robots_unavailable");
            statuses.record(status(url, previous, now, 0, FetchOutcome.ROBOTS_UNAVAILABLE));
            Duration backoff = backoff(host);
            ledger.robotsUnavailable(host, queued.link().source(), backoff);
            queues.release(host, backoff.toNanos(), true);
            return;
        }
        if (!rules.isAllowed(url)) {
            skipped("robots");
            statuses.record(status(url, previous, now, 0, FetchOutcome.ROBOTS_DISALLOWED));
            ledger.disallowed(host, queued.link().source(), url);
            queues.releaseUnused(host);
            return;
        }
        registry.timer(MetricNames.FETCH_POLITENESS_WAIT).record(Duration.ofNanos(System.nanoTime() - queued.queuedAtNanos()));
        PageFetch fetch = pages.fetch(queued.link(), previous);
        registry.timer(MetricNames.FETCH_LATENCY).record(fetch.elapsed());
        registry.counter(MetricNames.FETCH_BYTES).increment(fetch.bytes());
        FetchOutcome outcome = record(url, previous, fetch, clock.instant());
        registry.counter(MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, outcome.tag()).increment();
        Duration delay = rules.crawlDelay().compareTo(settings.minDelay()) > 0 ? rules.crawlDelay() : settings.minDelay();
        if (fetch.hostTrouble()) {
            Duration backoff = backoff(host);
            delay = backoff.compareTo(delay) > 0 ? backoff : delay;
        }
        if (fetch.retryAfter() != null && fetch.retryAfter().compareTo(delay) > 0) {
            delay = fetch.retryAfter();
        }
        ledger.fetched(host, queued.link().source(), outcome.tag(), fetch.hostTrouble(), delay);
        queues.release(host, delay.toNanos(), fetch.hostTrouble());
    }

    /** The hosts this instance has crawled and their state, for the dashboard. */
    public List<HostStatus> hosts() {
        return ledger.snapshot();
    }

    /** Publishes what changed and records the URL's new status; returns the outcome to count. */
    private FetchOutcome record(String url, @Nullable UrlStatus previous, PageFetch fetch, Instant now) {
        Page page = fetch.page();
        if (page == null) {
            FetchOutcome outcome = fetch.outcome();
            if (!outcome.succeeded()) {
                LOG.warn("fetch {} failed: {}", url, fetch.status() > 0 ? outcome + " (HTTP " + fetch.status() + ")" : outcome);
            }
            statuses.record(status(url, previous, now, fetch.status(), outcome));
            return outcome;
        }
        UrlStatus canonicalPrevious = page.canonicalUrl().equals(url) ? previous : statuses.get(page.canonicalUrl());
        // the same content sent a moment ago and not yet acknowledged (its status is not written yet)
        UnackedPage sending = unacked.get(page.canonicalUrl());
        boolean sameAsSending = sending != null && sending.contentSha256().equals(page.contentSha256());
        boolean unchanged = sameAsSending
                || canonicalPrevious != null && page.contentSha256().equals(canonicalPrevious.contentSha256());
        FetchOutcome outcome = unchanged ? FetchOutcome.UNCHANGED : FetchOutcome.OK;
        Runnable recordStatuses = () -> {
            statuses.record(new UrlStatus(url, now, fetch.status(), outcome.tag(), page.contentSha256(), page.etag(), page.lastModified()));
            if (!page.canonicalUrl().equals(url)) {
                statuses.record(new UrlStatus(page.canonicalUrl(), now, fetch.status(), outcome.tag(), page.contentSha256(), page.etag(),
                        page.lastModified()));
            }
        };
        if (sameAsSending) {
            sending.acked().thenAccept(ok -> {
                if (ok) {
                    recordStatuses.run();
                }
            });
        } else if (unchanged) {
            recordStatuses.run();
        } else {
            // The status says "have it": it is written only once the broker has the page. Written
            // first, a crash between the two sends would leave a URL marked fetched whose page
            // never arrived, and no later listing would fetch it again. The other way round, the
            // page is fetched and published again, and enrich drops the unchanged copy.
            UnackedPage sent = new UnackedPage(page.contentSha256(), new CompletableFuture<>());
            unacked.put(page.canonicalUrl(), sent);
            producer.send(new ProducerRecord<>(Topics.PAGES.name(), page.canonicalUrl(), page), (meta, error) -> {
                unacked.remove(page.canonicalUrl(), sent);
                sent.acked().complete(error == null);
                if (error == null) {
                    recordStatuses.run();
                } else {
                    LOG.warn("cannot publish page {}: {}; it is fetched again when next listed", page.canonicalUrl(), error.toString());
                }
            });
            if (page.truncated()) {
                registry.counter(MetricNames.FETCH_TRUNCATED).increment();
            }
        }
        LOG.debug("fetched {} ({})", url, outcome);
        return outcome;
    }

    /** A status for a fetch without a new page; what was learned from the last good fetch is kept. */
    private static UrlStatus status(String url, @Nullable UrlStatus previous, Instant now, int httpStatus, FetchOutcome outcome) {
        return new UrlStatus(url, now, httpStatus, outcome.tag(), previous == null ? null : previous.contentSha256(),
                previous == null ? null : previous.etag(), previous == null ? null : previous.lastModified());
    }

    /** The back-off of a host that just failed again: its earlier consecutive failures plus this one. */
    private Duration backoff(String host) {
        return backoff.after(queues.failures(host) + 1);
    }

    private void skipped(String reason) {
        registry.counter(MetricNames.FETCH_SKIPPED, MetricNames.TAG_REASON, reason).increment();
    }

    private void stopWorkers() {
        running = false;
        queues.wakeAll();
        for (Thread worker : workers) {
            try {
                // a worker finishes its current fetch, bounded by the total fetch time
                worker.join(settings.longestFetch().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (poller.isAlive()) {
            // the poll loop sees the flag within one poll; a wakeup could abort its final commit
            try {
                poller.join(settings.longestFetch().toMillis() + 15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            stopWorkers();
            if (poller.getState() == Thread.State.NEW) {
                consumer.close();
            }
        }
        producer.close(Duration.ofSeconds(10));
        deadLetters.close();
    }
}
