package io.newsflow.ingest.source;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.SourcePoll;
import io.newsflow.ingest.TestClock;
import io.newsflow.ingest.TestSite;
import io.newsflow.ingest.http.HttpFetcher;
import io.newsflow.ingest.robots.RobotsCache;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SourcePollerTest {

    private TestSite site;
    private HttpFetcher http;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** What the sources offered, url -> announced publication time (or null), in order. */
    private final Map<String, Instant> offered = new LinkedHashMap<>();
    private SourcePoller poller;
    /** What the poller reported for source health. */
    private final List<SourcePoll> reported = new CopyOnWriteArrayList<>();
    private RecordingSlots slots = new RecordingSlots(url -> true);
    private final MapStates states = new MapStates();

    @BeforeEach
    void start() {
        site = new TestSite();
        http = TestSite.fetcherAllowing(TestSite.LIMITS, site);
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.close();
        }
        http.close();
        site.close();
    }

    private int poll(SourceType type, String path, String include, String exclude) throws Exception {
        SourceSpec spec = new SourceSpec("test-" + type.configName(), type, URI.create(site.url(path)), Duration.ofMinutes(10),
                include == null ? null : Pattern.compile(include), exclude == null ? null : Pattern.compile(exclude));
        poller = recordingPoller(spec);
        return pollNow(spec);
    }

    private int pollNow(SourceSpec spec) throws Exception {
        SourcePoller.Tally tally = new SourcePoller.Tally(() -> true);
        poller.poll(spec, tally);
        return tally.fresh;
    }

    private String xml(String body) {
        return body.replace("SITE", "http://" + site.authority());
    }

    @Test
    void readsAnRss2Feed() throws Exception {
        site.serve("/feed.xml", "application/rss+xml", xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Desk</title><link>SITE/</link><description>d</description>
                <item><title>One</title><link>SITE/2026/03/one.html</link><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate></item>
                <item><title>Two</title><link>SITE/2026/03/two.html?utm_source=rss</link></item>
                </channel></rss>"""));
        assertEquals(2, poll(SourceType.FEED, "/feed.xml", null, null));
        assertTrue(offered.containsKey(site.url("/2026/03/one.html")));
        assertTrue(offered.containsKey(site.url("/2026/03/two.html?utm_source=rss")), "canonicalising is the frontier's job");
        assertEquals(Instant.parse("2026-03-02T08:00:00Z"), offered.get(site.url("/2026/03/one.html")));
    }

    @Test
    void readsAnAtomFeed() throws Exception {
        site.serve("/atom.xml", "application/atom+xml", xml("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:desk</id><updated>2026-03-02T08:00:00Z</updated>
                <entry><title>Atom one</title><link href="SITE/atom/one.html"/><id>urn:1</id><updated>2026-03-02T07:00:00Z</updated></entry>
                </feed>"""));
        assertEquals(1, poll(SourceType.FEED, "/atom.xml", null, null));
        assertEquals(List.of(site.url("/atom/one.html")), new ArrayList<>(offered.keySet()));
    }

    @Test
    void readsASitemapIndexAndItsSitemaps() throws Exception {
        site.serve("/sitemap-index.xml", "application/xml", xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>SITE/sitemap-1.xml</loc></sitemap>
                  <sitemap><loc>SITE/sitemap-2.xml</loc></sitemap>
                </sitemapindex>"""));
        site.serve("/sitemap-1.xml", "application/xml", xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>SITE/news/a.html</loc><lastmod>2026-03-01</lastmod></url>
                  <url><loc>SITE/video/b.html</loc></url>
                </urlset>"""));
        site.serve("/sitemap-2.xml", "application/xml", xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>SITE/news/c.html</loc></url></urlset>"""));
        assertEquals(2, poll(SourceType.SITEMAP, "/sitemap-index.xml", null, "/video/"));
        assertEquals(List.of(site.url("/news/a.html"), site.url("/news/c.html")), new ArrayList<>(offered.keySet()));
    }

    @Test
    void takesThePublicationDateOfAGoogleNewsSitemap() throws Exception {
        site.serve("/news-sitemap.xml", "application/xml", xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url><loc>SITE/world/summit.html</loc>
                    <news:news><news:publication><news:name>Desk</news:name><news:language>en</news:language></news:publication>
                      <news:publication_date>2026-03-02T06:30:00Z</news:publication_date><news:title>Summit</news:title></news:news>
                  </url>
                </urlset>"""));
        assertEquals(1, poll(SourceType.SITEMAP, "/news-sitemap.xml", null, null));
        assertEquals(Instant.parse("2026-03-02T06:30:00Z"), offered.get(site.url("/world/summit.html")));
    }

    @Test
    void findsSitemapsThroughRobotsTxt() throws Exception {
        site.serve("/robots.txt", "text/plain", "User-agent: *\nAllow: /\nSitemap: " + site.url("/s.xml") + "\n");
        site.serve("/s.xml", "application/xml", xml("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>SITE/from-robots.html</loc></url></urlset>"""));
        assertEquals(1, poll(SourceType.ROBOTS, "/robots.txt", null, null));
        assertTrue(offered.containsKey(site.url("/from-robots.html")));
    }

    @Test
    void keepsOnlyTheArticleLinksOfAListingPage() throws Exception {
        site.html("/world/", """
                <nav><a href="/">Home</a><a href="/about">About</a><a href="/world/">World</a></nav>
                <main><a href="/2026/03/02/summit-ends.html">Summit ends</a>
                <a href="2026/03/02/relative.html">Relative</a>
                <a href="/2026/03/02/live-video.html">Video</a>
                <a href="https://other.example/2026/03/02/elsewhere.html">Elsewhere</a></main>""");
        assertEquals(2, poll(SourceType.LISTING, "/world/", "/20\\d\\d/\\d\\d/\\d\\d/", "video|other\\.example"));
        assertEquals(List.of(site.url("/2026/03/02/summit-ends.html"), site.url("/world/2026/03/02/relative.html")),
                new ArrayList<>(offered.keySet()));
    }

    @Test
    void aListingWithoutIncludeStaysOnItsHost() throws Exception {
        site.html("/front", "<a href='/a.html'>a</a><a href='https://other.example/b.html'>b</a>");
        poll(SourceType.LISTING, "/front", null, null);
        assertEquals(List.of(site.url("/a.html")), new ArrayList<>(offered.keySet()));
    }

    @Test
    void pollsAnUnchangedFeedConditionally() throws Exception {
        site.route("/feed.xml", exchange -> {
            if ("\"f1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"f1\"");
            TestSite.send(exchange, 200, "application/rss+xml", xml("""
                    <rss version="2.0"><channel><title>t</title><link>SITE/</link><description>d</description>
                    <item><link>SITE/one.html</link></item></channel></rss>""").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        assertEquals(1, poll(SourceType.FEED, "/feed.xml", null, null));
        SourceSpec same = new SourceSpec("test-feed", SourceType.FEED, URI.create(site.url("/feed.xml")), Duration.ofMinutes(10), null, null);
        assertEquals(0, pollNow(same));
        assertEquals(1.0, registry.counter(MetricNames.SOURCE_POLLS, MetricNames.TAG_OUTCOME, "not_modified").count());
    }

    @Test
    void aFailingSourceIsReportedAndBacksOff() throws Exception {
        site.route("/feed.xml", exchange -> exchange.sendResponseHeaders(502, -1));
        SourceSpec spec = new SourceSpec("flaky", SourceType.FEED, URI.create(site.url("/feed.xml")), Duration.ofMinutes(10), null, null);
        RobotsCache robots = new RobotsCache(http, "newsflow", Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(30), new TestClock());
        poller = new SourcePoller(List.of(spec), http, robots, slots, states, (url, source, at) -> true, reported::add,
                Duration.ofHours(1), registry, new TestClock());
        Exception failure = assertThrows(Exception.class, () -> pollNow(spec));
        assertTrue(failure.getMessage().contains("502"), failure.getMessage());
        Duration second = poller.afterFailure(spec, 2);
        assertTrue(second.compareTo(Duration.ofMinutes(16)) >= 0 && second.compareTo(Duration.ofMinutes(20)) <= 0,
                "the interval doubles per failure, less jitter: " + second);
        Duration tenth = poller.afterFailure(spec, 10);
        assertTrue(tenth.compareTo(Duration.ofMinutes(48)) >= 0 && tenth.compareTo(Duration.ofHours(1)) <= 0,
                "up to the cap, less jitter: " + tenth);
    }

    @Test
    void aFeedThatIsNotXmlIsAFailureNotACrash() throws Exception {
        site.html("/feed.xml", "<html><body>We moved our feed</body></html>");
        Exception failure = assertThrows(Exception.class, () -> poll(SourceType.FEED, "/feed.xml", null, null));
        assertTrue(failure.getMessage().contains("cannot parse"), failure.getMessage());
    }

    @Test
    void everyPollIsReportedWithWhatItListedAndWhatWasNew() throws Exception {
        site.serve("/feed.xml", "application/rss+xml", xml("""
                <rss version="2.0"><channel><title>t</title><link>SITE/</link><description>d</description>
                <item><link>SITE/one.html</link></item><item><link>SITE/two.html</link></item></channel></rss>"""));
        offered.put(site.url("/one.html"), null);
        SourceSpec spec = new SourceSpec("wire", SourceType.FEED, URI.create(site.url("/feed.xml")), Duration.ofHours(1), null, null);
        startPolling(spec);

        SourcePoll poll = awaitReport();
        assertEquals("wire", poll.source());
        assertEquals("feed", poll.type());
        assertEquals(SourcePoll.OK, poll.outcome());
        assertEquals(2, poll.linksFound());
        assertEquals(1, poll.newLinks(), "one of the two was known");
        assertEquals(200, poll.httpStatus());
        assertNull(poll.error());
    }

    @Test
    void aFailedPollIsReportedWithItsStatusAndError() throws Exception {
        site.route("/feed.xml", exchange -> exchange.sendResponseHeaders(403, -1));
        SourceSpec spec = new SourceSpec("walled", SourceType.FEED, URI.create(site.url("/feed.xml")), Duration.ofHours(1), null, null);
        startPolling(spec);

        SourcePoll poll = awaitReport();
        assertEquals("http_4xx", poll.outcome());
        assertEquals(403, poll.httpStatus());
        assertEquals(0, poll.linksFound());
        assertTrue(poll.error().contains("403"), poll.error());
    }

    @Test
    void robotsTxtAndTheFeedEachTakeTheHostsSlot() throws Exception {
        site.serve("/feed.xml", "application/rss+xml", xml("""
                <rss version="2.0"><channel><title>t</title><link>SITE/</link><description>d</description>
                <item><link>SITE/one.html</link></item></channel></rss>"""));
        poll(SourceType.FEED, "/feed.xml", null, null);
        assertEquals(List.of(site.url("/feed.xml"), site.url("/feed.xml")), slots.taken,
                "robots.txt first, then the feed, each a request of its own in the host's slot");
        assertEquals(1, slots.maxInUse);
        pollNow(new SourceSpec("test-feed", SourceType.FEED, URI.create(site.url("/feed.xml")), Duration.ofMinutes(10), null, null));
        assertEquals(3, slots.taken.size(), "robots.txt is cached: the next poll is one request");
    }

    @Test
    void aSourceOfAHostAnotherInstanceOwnsIsNotPolled() throws Exception {
        site.serve("/feed.xml", "application/rss+xml", xml("""
                <rss version="2.0"><channel><title>t</title><link>SITE/</link><description>d</description>
                <item><link>SITE/one.html</link></item></channel></rss>"""));
        slots = new RecordingSlots(url -> false);
        SourceSpec spec = new SourceSpec("elsewhere", SourceType.FEED, URI.create(site.url("/feed.xml")), Duration.ofMillis(50), null, null);
        poller = recordingPoller(spec);
        poller.assigned(host -> false);
        Thread.sleep(300);
        assertEquals(0, site.hits("/feed.xml"), "not assigned: never polled");
        assertEquals(List.of(), reported);
    }

    @Test
    void aHandedOverSourceStopsAndItsNewOwnerPollsWhenDue() throws Exception {
        site.serve("/feed.xml", "application/rss+xml", xml("""
                <rss version="2.0"><channel><title>t</title><link>SITE/</link><description>d</description>
                <item><link>SITE/one.html</link></item></channel></rss>"""));
        SourceSpec spec = new SourceSpec("moving", SourceType.FEED, URI.create(site.url("/feed.xml")), Duration.ofHours(1), null, null);
        startPolling(spec);
        awaitReport();
        poller.revoked(host -> true);
        poller.close();
        // the next owner shares the state: the feed was polled just now, so it waits for the interval
        poller = recordingPoller(spec);
        poller.assigned(host -> true);
        Thread.sleep(300);
        assertEquals(1, site.hits("/feed.xml"), "polled once per interval across owners");
    }

    @Test
    void aPollCaughtInARebalanceThatGivesTheHostBackDoesNotRepeatTheNewSchedulesRequest() throws Exception {
        site.serve("/feed.xml", "application/rss+xml", xml("""
                <rss version="2.0"><channel><title>t</title><link>SITE/</link><description>d</description>
                <item><link>SITE/one.html</link></item></channel></rss>"""));
        SourceSpec spec = new SourceSpec("regained", SourceType.FEED, URI.create(site.url("/feed.xml")), Duration.ofHours(1), null, null);
        poller = recordingPoller(spec);
        // an eager rebalance while the first poll waits for the host's slot: the host is revoked and
        // assigned back to this instance, which schedules the source anew from the state
        slots.beforeNextAcquire.set(() -> {
            poller.revoked(host -> true);
            poller.assigned(host -> true);
        });
        poller.assigned(host -> true);
        awaitReport();
        Thread.sleep(300);
        assertEquals(1, site.hits("/feed.xml"), "one poll: the one of the schedule that owns the host now");
    }

    private void startPolling(SourceSpec spec) {
        poller = recordingPoller(spec);
        poller.assigned(host -> true);
    }

    /** A poller whose links go to {@link #offered} (new when not offered before) and whose polls go to {@link #reported}. */
    private SourcePoller recordingPoller(SourceSpec spec) {
        RobotsCache robots = new RobotsCache(http, "newsflow", Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(30), new TestClock());
        return new SourcePoller(List.of(spec), http, robots, slots, states, (url, source, publishedAt) -> {
            boolean fresh = !offered.containsKey(url);
            offered.put(url, publishedAt);
            return fresh;
        }, reported::add, Duration.ofHours(1), registry, new TestClock());
    }

    private SourcePoll awaitReport() {
        await("a source poll report").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> !reported.isEmpty());
        assertEquals(1, reported.size(), "one report per poll");
        return reported.get(0);
    }
}
