package io.newsflow.ingest.robots;

import static java.util.Objects.requireNonNull;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsflow.core.record.FetchOutcome;
import io.newsflow.ingest.http.FetchException;
import io.newsflow.ingest.http.HttpFetcher;
import io.newsflow.ingest.http.HttpResponseData;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * robots.txt rules per host, fetched on first use and cached. As RFC 9309 says: a 4xx answer means
 * no rules (allow all); a 5xx or no answer means disallow all until robots.txt is readable again,
 * which is retried sooner than a good answer expires. Crawl-delay is honoured up to a cap.
 */
public final class RobotsCache {

    private static final Logger LOG = LoggerFactory.getLogger(RobotsCache.class);
    private static final int MAX_ROBOTS_BYTES = 512 * 1024;

    /**
     * The rules of one host, as the fetcher needs them.
     *
     * @param problem why robots.txt is unavailable (e.g. {@link FetchOutcome#HTTP_5XX}), null when it is not
     */
    public record Rules(BaseRobotRules rules, Duration crawlDelay, @Nullable FetchOutcome problem, Instant expires) {

        /** Whether robots.txt could not be had, so the host is disallowed until it can. */
        public boolean unavailable() {
            return problem != null;
        }

        public boolean isAllowed(String url) {
            return rules.isAllowed(url);
        }

        public List<String> sitemaps() {
            return rules.getSitemaps();
        }
    }

    private final HttpFetcher http;
    private final List<String> agentNames;
    private final Duration ttl;
    private final Duration errorTtl;
    private final Duration maxCrawlDelay;
    private final Clock clock;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, Rules> byOrigin = new ConcurrentHashMap<>();

    /**
     * @param agentName the product token robots.txt groups are matched against, e.g. {@code newsflow}
     * @param ttl how long good rules (and 4xx answers) are kept
     * @param errorTtl how long a 5xx or failed fetch keeps the host disallowed before robots.txt is retried
     * @param maxCrawlDelay the longest crawl-delay honoured
     */
    public RobotsCache(HttpFetcher http, String agentName, Duration ttl, Duration errorTtl, Duration maxCrawlDelay, Clock clock) {
        this.http = requireNonNull(http, "http");
        this.agentNames = List.of(requireNonNull(agentName, "agentName").toLowerCase(Locale.ROOT));
        this.ttl = requireNonNull(ttl, "ttl");
        this.errorTtl = requireNonNull(errorTtl, "errorTtl");
        this.maxCrawlDelay = requireNonNull(maxCrawlDelay, "maxCrawlDelay");
        this.clock = requireNonNull(clock, "clock");
        parser.setMaxCrawlDelay(Long.MAX_VALUE);
    }

    /**
     * The rules for the host of a URL, fetching robots.txt when not cached or expired. A caller that
     * must keep the host's politeness asks {@link #cached} first and makes this call in the host's slot.
     */
    public Rules rulesFor(String url) {
        Rules cached = cached(url);
        if (cached != null) {
            return cached;
        }
        String origin = origin(url);
        Rules fresh = fetch(origin, clock.instant());
        byOrigin.put(origin, fresh);
        return fresh;
    }

    /** The rules for the host of a URL when they are cached and current, else null (robots.txt must be fetched). */
    public @Nullable Rules cached(String url) {
        Rules cached = byOrigin.get(origin(url));
        return cached != null && clock.instant().isBefore(cached.expires()) ? cached : null;
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
    }

    private Rules fetch(String origin, Instant now) {
        String robotsUrl = origin + "/robots.txt";
        try {
            HttpResponseData response = http.get(URI.create(robotsUrl), Map.of(), type -> true, MAX_ROBOTS_BYTES);
            int status = response.status();
            if (status / 100 == 2) {
                BaseRobotRules rules;
                // the parser counts warnings per parse in a field, so parses do not overlap
                synchronized (parser) {
                    rules = parser.parseContent(robotsUrl, response.body(), response.header("content-type"), agentNames);
                }
                return rules(rules, null, now.plus(ttl));
            }
            if (status / 100 == 4) {
                return rules(parser.failedFetch(status), null, now.plus(ttl));
            }
            LOG.warn("robots.txt {} answered HTTP {}: host disallowed until it recovers", robotsUrl, status);
            return rules(parser.failedFetch(status), FetchOutcome.ofStatus(status), now.plus(errorTtl));
        } catch (FetchException e) {
            if (e.outcome().equals(FetchOutcome.BLOCKED_ADDRESS)) {
                // the SSRF guard refuses the host: every request to it fails with that clearer outcome
                return rules(parser.failedFetch(404), null, now.plus(errorTtl));
            }
            LOG.warn("robots.txt {} unavailable ({}): host disallowed until it recovers", robotsUrl, e.outcome());
            return rules(parser.failedFetch(503), e.outcome(), now.plus(errorTtl));
        }
    }

    private Rules rules(BaseRobotRules rules, @Nullable FetchOutcome problem, Instant expires) {
        long delayMs = rules.getCrawlDelay();
        Duration delay = delayMs <= 0 ? Duration.ZERO : Duration.ofMillis(delayMs);
        if (delay.compareTo(maxCrawlDelay) > 0) {
            delay = maxCrawlDelay;
        }
        return new Rules(rules, delay, problem, expires);
    }
}
