package io.newsflow.ingest.source;

import static java.util.Objects.requireNonNull;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.FetchOutcome;
import io.newsflow.core.record.SourcePoll;
import io.newsflow.core.record.UrlStatus;
import io.newsflow.core.retry.Backoff;
import io.newsflow.core.topic.HostKey;
import io.newsflow.ingest.fetch.HostOwnership;
import io.newsflow.ingest.fetch.HostSlots;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.HttpFetcher;
import io.newsflow.ingest.http.HttpResponseData;
import io.newsflow.ingest.robots.RobotsCache;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the configured sources whose hosts this instance owns, each on its own interval, and
 * publishes the article URLs they list. Every request (source document or robots.txt) takes the
 * host's politeness slot, so a site sees one polite crawler however many instances run; when a
 * host moves, its sources move with it and its new owner polls them when they are due. Feeds,
 * sitemaps and listings are fetched conditionally (ETag, If-Modified-Since); a source that fails is
 * retried with a growing back-off and reported on every failure, never dropped.
 */
public final class SourcePoller implements HostOwnership, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);
    /** Sitemaps may be up to 50 MB uncompressed. */
    private static final int SOURCE_MAX_BYTES = SiteMapParser.MAX_BYTES_ALLOWED;
    private static final int MAX_CHILD_SITEMAPS = 200;
    private static final int MAX_INDEX_DEPTH = 2;
    /** Polls run side by side (on different hosts) when one waits for its host's slot. */
    private static final int POLL_THREADS = 4;
    /** The longest a poll waits for its host's slot before it tries again at its next interval. */
    private static final Duration SLOT_WAIT = Duration.ofMinutes(2);

    private final List<SourceSpec> sources;
    private final HttpFetcher http;
    private final RobotsCache robots;
    private final HostSlots slots;
    private final SourceStates states;
    private final LinkSink links;
    private final SourcePollSink polls;
    private final Clock clock;
    private final Duration backoffMax;
    private final MeterRegistry registry;
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    /** The schedule of each source this instance polls now; a poll of an older schedule does not reschedule. */
    private final Map<SourceSpec, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(POLL_THREADS, DaemonThreads.factory("newsflow-sources"));

    private record Validators(@Nullable String etag, @Nullable String lastModified) {
    }

    /** A source poll that failed, with the outcome to report. */
    private static final class SourceFailure extends Exception {
        final FetchOutcome outcome;
        final @Nullable Integer httpStatus;

        SourceFailure(FetchOutcome outcome, String message) {
            this(outcome, message, null);
        }

        SourceFailure(FetchOutcome outcome, String message, @Nullable Integer httpStatus) {
            super(message);
            this.outcome = outcome;
            this.httpStatus = httpStatus;
        }
    }

    /**
     * The host of a request is not this instance's (any more), stayed busy, or was handed over since
     * the poll began: the poll stops without a verdict.
     */
    private static final class NotOwned extends Exception {
        NotOwned(String url) {
            super("host of " + url + " not owned by this instance, busy, or handed over during the poll");
        }
    }

    /**
     * One poll: whether it is still its source's current schedule, and what it found: URLs listed
     * (past the patterns), the new ones, and the source document's HTTP status.
     */
    static final class Tally {
        final BooleanSupplier current;
        int listed;
        int fresh;
        @Nullable Integer httpStatus;
        boolean notModified;

        Tally(BooleanSupplier current) {
            this.current = current;
        }

        void offered(boolean isNew) {
            listed++;
            if (isNew) {
                fresh++;
            }
        }
    }

    public SourcePoller(List<SourceSpec> sources, HttpFetcher http, RobotsCache robots, HostSlots slots, SourceStates states,
            LinkSink links, SourcePollSink polls, Duration backoffMax, MeterRegistry registry, Clock clock) {
        this.sources = List.copyOf(sources);
        this.http = requireNonNull(http, "http");
        this.robots = requireNonNull(robots, "robots");
        this.slots = requireNonNull(slots, "slots");
        this.states = requireNonNull(states, "states");
        this.links = requireNonNull(links, "links");
        this.polls = requireNonNull(polls, "polls");
        this.clock = requireNonNull(clock, "clock");
        this.backoffMax = requireNonNull(backoffMax, "backoffMax");
        this.registry = requireNonNull(registry, "registry");
        registry.gauge(MetricNames.SOURCE_CONFIGURED, this.sources, List::size);
        registry.gauge(MetricNames.SOURCE_FAILING, failures, f -> f.values().stream().filter(n -> n > 0).count());
    }

    /** Starts polling the sources of the hosts now owned, each when it is due after its last poll by any instance. */
    @Override
    public synchronized void assigned(Predicate<String> hosts) {
        Instant now = clock.instant();
        for (SourceSpec source : sources) {
            if (hosts.test(HostKey.of(source.url().toString())) && !scheduled.containsKey(source) && !scheduler.isShutdown()) {
                UrlStatus last = states.get(source.url().toString());
                Duration wait = last == null ? Duration.ZERO : Duration.between(now, last.checkedAt().plus(source.interval()));
                schedule(source, wait.isNegative() ? Duration.ZERO : wait);
            }
        }
    }

    /** Stops polling the sources of hosts handed over; a poll under way stops at its next request. */
    @Override
    public synchronized void revoked(Predicate<String> hosts) {
        for (SourceSpec source : sources) {
            if (hosts.test(HostKey.of(source.url().toString()))) {
                ScheduledFuture<?> future = scheduled.remove(source);
                if (future != null) {
                    future.cancel(false);
                }
            }
        }
    }

    private void schedule(SourceSpec source, Duration wait) {
        // the task looks itself up: only the source's current schedule may poll and reschedule
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        synchronized (self) {
            self[0] = scheduler.schedule(() -> {
                synchronized (self) {
                    pollAndReschedule(source, self[0]);
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
            scheduled.put(source, self[0]);
        }
    }

    private void pollAndReschedule(SourceSpec source, ScheduledFuture<?> schedule) {
        if (scheduled.get(source) != schedule) {
            return;
        }
        Duration next = source.interval();
        Tally tally = new Tally(() -> scheduled.get(source) == schedule);
        try {
            poll(source, tally);
            failures.put(source.name(), 0);
            report(source, tally.notModified ? FetchOutcome.NOT_MODIFIED : FetchOutcome.OK, tally, tally.httpStatus, null);
            LOG.info("source {} polled: {} new links", source.name(), tally.fresh);
        } catch (NotOwned e) {
            LOG.info("source {}: poll stopped, {}", source.name(), e.getMessage());
        } catch (SourceFailure e) {
            int failed = failures.merge(source.name(), 1, Integer::sum);
            next = afterFailure(source, failed);
            count(e.outcome);
            report(source, e.outcome, tally, e.httpStatus, e.getMessage());
            LOG.warn("source {} ({}) failed {} time(s) in a row: {}; next poll in {}s", source.name(), source.url(), failed,
                    e.getMessage(), next.toSeconds());
        } catch (RuntimeException e) {
            failures.merge(source.name(), 1, Integer::sum);
            count(FetchOutcome.INTERNAL_ERROR);
            report(source, FetchOutcome.INTERNAL_ERROR, tally, null, e.toString());
            LOG.error("source {} poll failed unexpectedly", source.name(), e);
        }
        synchronized (this) {
            if (scheduled.get(source) == schedule && !scheduler.isShutdown()) {
                schedule(source, next);
            }
        }
    }

    /** The wait before the next poll of a source that failed {@code failed} times in a row: from its interval, doubling, capped. */
    Duration afterFailure(SourceSpec source, int failed) {
        return new Backoff(source.interval(), backoffMax).after(failed);
    }

    /** Hands the poll's outcome to the source-health hook; a failing hook must not stop the polling. */
    private void report(SourceSpec source, FetchOutcome outcome, Tally tally, @Nullable Integer httpStatus, @Nullable String error) {
        try {
            polls.polled(new SourcePoll(source.name(), source.type().configName(), source.url().toString(), clock.instant(),
                    outcome.tag(), tally.listed, tally.fresh, httpStatus, error));
        } catch (RuntimeException e) {
            LOG.warn("source {}: cannot report the poll: {}", source.name(), e.toString());
        }
    }

    /** Polls one source now, counting what it lists into the tally. */
    void poll(SourceSpec source, Tally tally) throws SourceFailure, NotOwned {
        switch (source.type()) {
            case FEED, SITEMAP -> pollSitemap(source, source.url(), 0, tally);
            case LISTING -> pollListing(source, tally);
            case ROBOTS -> pollRobots(source, tally);
        }
    }

    private int pollRobots(SourceSpec source, Tally tally) throws SourceFailure, NotOwned {
        RobotsCache.Rules rules = rules(source.url().toString(), tally);
        if (rules.unavailable()) {
            throw new SourceFailure(rules.problem(), "robots.txt unavailable (" + rules.problem() + ")");
        }
        int found = 0;
        for (String sitemap : rules.sitemaps()) {
            try {
                found += pollSitemap(source, URI.create(sitemap), 0, tally);
            } catch (IllegalArgumentException e) {
                LOG.warn("source {}: robots.txt lists a bad sitemap URL {}", source.name(), sitemap);
            }
        }
        count(FetchOutcome.OK);
        return found;
    }

    private int pollSitemap(SourceSpec source, URI url, int depth, Tally tally) throws SourceFailure, NotOwned {
        HttpResponseData response = fetch(source, url, tally);
        if (response == null) {
            return 0;
        }
        AbstractSiteMap map;
        try {
            SiteMapParser parser = new SiteMapParser(false);
            parser.enableExtension(Extension.NEWS);
            String type = response.header("content-type");
            map = parser.parseSiteMap(type == null ? "application/xml" : type, response.body(), toUrl(url));
        } catch (UnknownFormatException | IOException | RuntimeException e) {
            throw new SourceFailure(FetchOutcome.UNPARSEABLE, "cannot parse " + url + ": " + e.getMessage());
        }
        remember(response);
        int found = 0;
        if (map instanceof SiteMapIndex index) {
            if (depth >= MAX_INDEX_DEPTH) {
                LOG.warn("source {}: sitemap index {} nested too deep, skipped", source.name(), url);
                return 0;
            }
            int children = 0;
            for (AbstractSiteMap child : index.getSitemaps()) {
                if (children++ >= MAX_CHILD_SITEMAPS) {
                    LOG.warn("source {}: sitemap index {} lists more than {} sitemaps; the rest wait for the next poll",
                            source.name(), url, MAX_CHILD_SITEMAPS);
                    break;
                }
                try {
                    found += pollSitemap(source, child.getUrl().toURI(), depth + 1, tally);
                } catch (SourceFailure e) {
                    // one broken child sitemap must not hide the others
                    LOG.warn("source {}: sitemap {} failed: {}", source.name(), child.getUrl(), e.getMessage());
                } catch (NotOwned e) {
                    if (!slots.owns(child.getUrl().toString())) {
                        LOG.warn("source {}: sitemap {} is on a host another instance owns; list it as a source of its own",
                                source.name(), child.getUrl());
                    } else {
                        throw e;
                    }
                } catch (java.net.URISyntaxException e) {
                    LOG.warn("source {}: bad sitemap URL {}", source.name(), child.getUrl());
                }
            }
        } else if (map instanceof SiteMap sitemap) {
            for (SiteMapURL entry : sitemap.getSiteMapUrls()) {
                String discovered = entry.getUrl().toString();
                if (source.accepts(discovered)) {
                    boolean isNew = links.offer(discovered, source.name(), publishedAt(entry));
                    tally.offered(isNew);
                    found += isNew ? 1 : 0;
                }
            }
        }
        if (depth == 0) {
            count(FetchOutcome.OK);
        }
        return found;
    }

    private static @Nullable Instant publishedAt(SiteMapURL entry) {
        ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
        if (news != null) {
            for (ExtensionMetadata meta : news) {
                if (meta instanceof NewsAttributes attributes && attributes.getPublicationDateTime() != null) {
                    return attributes.getPublicationDateTime().toInstant();
                }
            }
        }
        return entry.getLastModified() == null ? null : entry.getLastModified().toInstant();
    }

    private int pollListing(SourceSpec source, Tally tally) throws SourceFailure, NotOwned {
        HttpResponseData response = fetch(source, source.url(), tally);
        if (response == null) {
            return 0;
        }
        Document page = Jsoup.parse(new String(response.body(), charsetOf(response)), response.finalUrl().toString());
        remember(response);
        String host = response.finalUrl().getHost();
        int found = 0;
        for (Element anchor : page.select("a[href]")) {
            String href = anchor.absUrl("href");
            if (href.isEmpty()) {
                continue;
            }
            boolean sameHost = host != null && host.equalsIgnoreCase(hostOf(href));
            // without an include pattern a listing page would hand us its whole navigation: stay on the site
            if ((source.include() != null || sameHost) && source.accepts(href)) {
                boolean isNew = links.offer(href, source.name(), null);
                tally.offered(isNew);
                found += isNew ? 1 : 0;
            }
        }
        count(FetchOutcome.OK);
        return found;
    }

    private static @Nullable String hostOf(String url) {
        try {
            return URI.create(url.replace(" ", "%20")).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static java.nio.charset.Charset charsetOf(HttpResponseData response) {
        try {
            String name = response.headerCharset();
            return name == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }

    /** Fetches a source document conditionally; null when it has not changed since the last poll. */
    private @Nullable HttpResponseData fetch(SourceSpec source, URI url, Tally tally) throws SourceFailure, NotOwned {
        String key = url.toString();
        if (source.type() != SourceType.ROBOTS) {
            RobotsCache.Rules rules = rules(key, tally);
            if (rules.unavailable()) {
                throw new SourceFailure(rules.problem(), "robots.txt of " + url.getHost() + " unavailable (" + rules.problem() + ")");
            }
            if (!rules.isAllowed(key)) {
                throw new SourceFailure(FetchOutcome.ROBOTS_DISALLOWED, url + " is disallowed by robots.txt");
            }
        }
        Map<String, String> headers = new HashMap<>();
        Validators known = validators.get(key);
        if (known == null) {
            // polled before by this host's previous owner
            UrlStatus last = states.get(key);
            known = last == null || last.etag() == null && last.lastModified() == null ? null
                    : new Validators(last.etag(), last.lastModified());
        }
        if (known != null) {
            if (known.etag() != null) {
                headers.put("If-None-Match", known.etag());
            }
            if (known.lastModified() != null) {
                headers.put("If-Modified-Since", known.lastModified());
            }
        }
        HttpResponseData response;
        take(key, tally);
        boolean failed = true;
        try {
            response = http.get(url, headers, type -> true, SOURCE_MAX_BYTES);
            failed = response.status() / 100 == 5 || response.status() == 429;
            // recorded before the host is handed back, so its next owner knows of this poll; a 2xx
            // gets its validators once it has been read, a 304 keeps the ones it was asked with
            boolean notModified = response.status() == 304;
            states.record(new UrlStatus(key, clock.instant(), response.status(),
                    notModified ? FetchOutcome.NOT_MODIFIED.tag()
                            : response.status() / 100 == 2 ? FetchOutcome.OK.tag() : FetchOutcome.ofStatus(response.status()).tag(), null,
                    notModified && known != null ? known.etag() : null, notModified && known != null ? known.lastModified() : null));
        } catch (FetchException e) {
            states.record(new UrlStatus(key, clock.instant(), 0, e.outcome().tag(), null, null, null));
            throw new SourceFailure(e.outcome(), e.getMessage());
        } finally {
            slots.release(key, failed);
        }
        if (source.url().equals(url)) {
            tally.httpStatus = response.status();
        }
        if (response.status() == 304) {
            if (source.url().equals(url)) {
                count(FetchOutcome.NOT_MODIFIED);
                tally.notModified = true;
            }
            return null;
        }
        if (response.status() / 100 != 2) {
            throw new SourceFailure(FetchOutcome.ofStatus(response.status()), url + " answered HTTP " + response.status(),
                    response.status());
        }
        return response;
    }

    /** Keeps a document's validators for the next conditional poll, once it has been read successfully. */
    private void remember(HttpResponseData response) {
        String url = response.requested().toString();
        validators.put(url, new Validators(response.header("etag"), response.header("last-modified")));
        states.record(new UrlStatus(url, clock.instant(), response.status(), FetchOutcome.OK.tag(), null, response.header("etag"),
                response.header("last-modified")));
    }

    /** The robots.txt rules for a URL; fetching them is a request in the host's slot. */
    private RobotsCache.Rules rules(String url, Tally poll) throws NotOwned {
        RobotsCache.Rules cached = robots.cached(url);
        if (cached != null) {
            return cached;
        }
        take(url, poll);
        RobotsCache.Rules fetched = null;
        try {
            fetched = robots.rulesFor(url);
            return fetched;
        } finally {
            slots.release(url, fetched == null || fetched.unavailable());
        }
    }

    /**
     * Takes the slot of the URL's host, waiting for its politeness delay, for a poll that is still
     * its source's current schedule. A poll that began before a rebalance which took the host away
     * and gave it back to this instance is not: the new schedule was computed from a state without
     * this poll's request and would repeat it a politeness delay later. The check is made holding
     * the slot, and a hand-over waits for the slot before the state moves, so a request that passes
     * it is recorded in the state the next schedule is computed from.
     */
    private void take(String url, Tally poll) throws NotOwned {
        try {
            if (!slots.acquire(url, SLOT_WAIT)) {
                throw new NotOwned(url);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotOwned(url);
        }
        if (!poll.current.getAsBoolean()) {
            slots.release(url, false);
            throw new NotOwned(url);
        }
    }

    private static URL toUrl(URI url) throws SourceFailure {
        try {
            return url.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new SourceFailure(FetchOutcome.BAD_URL, "bad URL " + url);
        }
    }

    private void count(FetchOutcome outcome) {
        registry.counter(MetricNames.SOURCE_POLLS, MetricNames.TAG_OUTCOME, outcome.tag()).increment();
    }

    @Override
    public void close() {
        DaemonThreads.stop(scheduler, Duration.ofSeconds(10));
    }
}
