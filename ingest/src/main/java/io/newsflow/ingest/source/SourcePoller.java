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
import io.newsflow.core.retry.Backoff;
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
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every configured source on its own interval and publishes the article URLs it finds.
 * Feeds, sitemaps and listings are fetched conditionally (ETag, If-Modified-Since); a source that
 * fails is retried with a growing back-off and reported on every failure, never dropped.
 */
public final class SourcePoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePoller.class);
    /** Sitemaps may be up to 50 MB uncompressed. */
    private static final int SOURCE_MAX_BYTES = SiteMapParser.MAX_BYTES_ALLOWED;
    private static final int MAX_CHILD_SITEMAPS = 200;
    private static final int MAX_INDEX_DEPTH = 2;

    private final List<SourceSpec> sources;
    private final HttpFetcher http;
    private final RobotsCache robots;
    private final LinkSink links;
    private final SourcePollSink polls;
    private final Clock clock;
    private final Duration backoffMax;
    private final MeterRegistry registry;
    private final Map<String, Validators> validators = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("newsflow-sources"));

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

    /** What one poll found: URLs listed (past the patterns), the new ones, and the source document's HTTP status. */
    static final class Tally {
        int listed;
        int fresh;
        @Nullable Integer httpStatus;
        boolean notModified;

        void offered(boolean isNew) {
            listed++;
            if (isNew) {
                fresh++;
            }
        }
    }

    public SourcePoller(List<SourceSpec> sources, HttpFetcher http, RobotsCache robots, LinkSink links,
            SourcePollSink polls, Duration backoffMax, MeterRegistry registry, Clock clock) {
        this.sources = List.copyOf(sources);
        this.http = requireNonNull(http, "http");
        this.robots = requireNonNull(robots, "robots");
        this.links = requireNonNull(links, "links");
        this.polls = requireNonNull(polls, "polls");
        this.clock = requireNonNull(clock, "clock");
        this.backoffMax = requireNonNull(backoffMax, "backoffMax");
        this.registry = requireNonNull(registry, "registry");
        registry.gauge(MetricNames.SOURCE_CONFIGURED, this.sources, List::size);
        registry.gauge(MetricNames.SOURCE_FAILING, failures, f -> f.values().stream().filter(n -> n > 0).count());
    }

    public void start() {
        for (SourceSpec source : sources) {
            scheduler.execute(() -> pollAndReschedule(source));
        }
    }

    private void pollAndReschedule(SourceSpec source) {
        Duration next = source.interval();
        Tally tally = new Tally();
        try {
            poll(source, tally);
            failures.put(source.name(), 0);
            report(source, tally.notModified ? FetchOutcome.NOT_MODIFIED : FetchOutcome.OK, tally, tally.httpStatus, null);
            LOG.info("source {} polled: {} new links", source.name(), tally.fresh);
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
        if (!scheduler.isShutdown()) {
            scheduler.schedule(() -> pollAndReschedule(source), next.toMillis(), TimeUnit.MILLISECONDS);
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
    void poll(SourceSpec source, Tally tally) throws SourceFailure {
        switch (source.type()) {
            case FEED, SITEMAP -> pollSitemap(source, source.url(), 0, tally);
            case LISTING -> pollListing(source, tally);
            case ROBOTS -> pollRobots(source, tally);
        }
    }

    private int pollRobots(SourceSpec source, Tally tally) throws SourceFailure {
        RobotsCache.Rules rules = robots.rulesFor(source.url().toString());
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

    private int pollSitemap(SourceSpec source, URI url, int depth, Tally tally) throws SourceFailure {
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

    private int pollListing(SourceSpec source, Tally tally) throws SourceFailure {
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
    private @Nullable HttpResponseData fetch(SourceSpec source, URI url, Tally tally) throws SourceFailure {
        String key = url.toString();
        if (source.type() != SourceType.ROBOTS) {
            RobotsCache.Rules rules = robots.rulesFor(key);
            if (rules.unavailable()) {
                throw new SourceFailure(rules.problem(), "robots.txt of " + url.getHost() + " unavailable (" + rules.problem() + ")");
            }
            if (!rules.isAllowed(key)) {
                throw new SourceFailure(FetchOutcome.ROBOTS_DISALLOWED, url + " is disallowed by robots.txt");
            }
        }
        Map<String, String> headers = new HashMap<>();
        Validators known = validators.get(key);
        if (known != null) {
            if (known.etag() != null) {
                headers.put("If-None-Match", known.etag());
            }
            if (known.lastModified() != null) {
                headers.put("If-Modified-Since", known.lastModified());
            }
        }
        HttpResponseData response;
        try {
            response = http.get(url, headers, type -> true, SOURCE_MAX_BYTES);
        } catch (FetchException e) {
            throw new SourceFailure(e.outcome(), e.getMessage());
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
        validators.put(response.requested().toString(), new Validators(response.header("etag"), response.header("last-modified")));
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
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
