package io.newsflow.ingest;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.lifecycle.Service;
import io.newsflow.core.lifecycle.StartedResources;
import io.newsflow.core.status.HostStatus;
import io.newsflow.core.status.StatusSource;
import io.newsflow.ingest.fetch.LinkFetcher;
import io.newsflow.ingest.fetch.PageFetcher;
import io.newsflow.ingest.frontier.LinkPublisher;
import io.newsflow.ingest.frontier.RefetchPolicy;
import io.newsflow.ingest.http.AddressGuard;
import io.newsflow.ingest.http.FetchLimits;
import io.newsflow.ingest.http.HttpFetcher;
import io.newsflow.ingest.robots.RobotsCache;
import io.newsflow.ingest.source.SourcePollPublisher;
import io.newsflow.ingest.source.SourcePoller;
import io.newsflow.ingest.state.RetentionSweep;
import io.newsflow.ingest.state.UrlStateStore;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: polls the sources into {@code newsflow.links} and, as a member of the fetcher
 * consumer group, fetches links into {@code newsflow.pages}; the crawler state of the hosts it owns
 * is kept on disk and on {@code newsflow.url-status}.
 */
public final class IngestService implements Service, StatusSource {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final Properties kafka;
    private final MeterRegistry registry;
    private final Clock clock;
    private final AddressGuard guard;
    private final StartedResources started = new StartedResources();
    private @Nullable UrlStateStore statuses;
    private @Nullable LinkFetcher fetcher;
    private volatile boolean running;

    public IngestService(IngestConfig config, Properties kafka, MeterRegistry registry, Clock clock) {
        this(config, kafka, registry, clock, AddressGuard.of(config.allowPrivate(), config.allowHosts()));
    }

    /** A service with its own SSRF guard, e.g. one whose resolver tests control. */
    public IngestService(IngestConfig config, Properties kafka, MeterRegistry registry, Clock clock, AddressGuard guard) {
        this.config = requireNonNull(config, "config");
        this.kafka = requireNonNull(kafka, "kafka");
        this.registry = requireNonNull(registry, "registry");
        this.clock = requireNonNull(clock, "clock");
        this.guard = requireNonNull(guard, "guard");
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public synchronized void start() {
        try {
            FetchLimits limits = new FetchLimits(config.userAgent(), config.connectTimeout(), config.readTimeout(),
                    config.totalTimeout(), config.pageMaxBytes(), config.maxRedirects());
            HttpFetcher http = started.add(new HttpFetcher(limits, guard));
            RobotsCache robots = new RobotsCache(http, config.robotsAgentName(), config.robotsCache(), config.robotsErrorRetry(),
                    config.crawlDelayMax(), clock);
            RefetchPolicy policy = new RefetchPolicy(config.refetchInterval(), config.retryInterval());
            UrlStateStore store = started.add(new UrlStateStore(kafka, config.stateDir(), config.stateCacheBytes(),
                    config.stateWriteBufferBytes(), config.stateRetention()));
            store.start();
            statuses = store;
            started.add(new RetentionSweep(store, config.stateRetention(), config.stateRetentionSweep(), clock)).start();
            LinkFetcher.Settings settings = new LinkFetcher.Settings(config.groupId(), config.fetchThreads(), config.fetchDelay(),
                    config.backoff(), config.backoffMax(), config.queueMax(), config.queueHostMax(), config.totalTimeout());
            LinkFetcher links = started.add(new LinkFetcher(settings, kafka, config.pageMaxBytes(), new PageFetcher(http, clock), robots,
                    store, policy, registry, clock));
            LinkPublisher publisher = started.add(new LinkPublisher(kafka, store, policy, registry, clock));
            for (String url : config.startUrls()) {
                publisher.offer(url, "start-urls", null);
            }
            publisher.flush();
            SourcePollPublisher polls = started.add(new SourcePollPublisher(kafka));
            SourcePoller poller = started.add(new SourcePoller(config.sources(), http, robots, links, store, publisher, polls,
                    config.sourceBackoffMax(), registry, clock));
            // sources are polled by the owner of their host: they start as the group assigns hosts
            links.listen(poller);
            links.start();
            fetcher = links;
            running = true;
            LOG.info("ingest polling {} sources, {} start URLs, {} fetch threads, host delay {} ms", config.sources().size(),
                    config.startUrls().size(), config.fetchThreads(), config.fetchDelay().toMillis());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The hosts the fetchers of this instance crawl, for the dashboard. */
    @Override
    public List<HostStatus> hosts() {
        LinkFetcher current = fetcher;
        return current == null ? List.of() : current.hosts();
    }

    @Override
    public boolean isHealthy() {
        return running && fetcher != null && fetcher.isHealthy() && statuses != null && statuses.isHealthy();
    }

    /** Stops discovery first, then the fetchers (finishing their fetches and committing), then the seen-set. */
    @Override
    public synchronized void close() {
        running = false;
        started.close();
    }
}
