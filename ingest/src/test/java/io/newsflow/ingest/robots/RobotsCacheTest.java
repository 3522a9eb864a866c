package io.newsflow.ingest.robots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.ingest.TestClock;
import io.newsflow.ingest.TestSite;
import io.newsflow.ingest.http.HttpFetcher;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RobotsCacheTest {

    private TestSite site;
    private HttpFetcher http;
    private final TestClock clock = new TestClock();
    private RobotsCache robots;

    @BeforeEach
    void start() {
        site = new TestSite();
        http = TestSite.fetcherAllowing(TestSite.LIMITS, site);
        robots = new RobotsCache(http, "newsflow", Duration.ofHours(24), Duration.ofMinutes(5), Duration.ofSeconds(30), clock);
    }

    @AfterEach
    void stop() {
        http.close();
        site.close();
    }

    private void robotsTxt(String body) {
        site.serve("/robots.txt", "text/plain", body);
    }

    @Test
    void allowsAndDisallowsByPathForOurAgent() {
        robotsTxt("User-agent: *\nDisallow: /\n\nUser-agent: newsflow\nDisallow: /private/\nAllow: /\n");
        assertTrue(robots.rulesFor(site.url("/news/a.html")).isAllowed(site.url("/news/a.html")));
        assertFalse(robots.rulesFor(site.url("/private/b.html")).isAllowed(site.url("/private/b.html")));
    }

    @Test
    void readsCrawlDelayAndCapsIt() {
        robotsTxt("User-agent: *\nCrawl-delay: 3\n");
        assertEquals(Duration.ofSeconds(3), robots.rulesFor(site.url("/")).crawlDelay());
        try (TestSite greedy = new TestSite()) {
            greedy.serve("/robots.txt", "text/plain", "User-agent: *\nCrawl-delay: 3600\n");
            RobotsCache other = new RobotsCache(TestSite.fetcherAllowing(TestSite.LIMITS, greedy), "newsflow",
                    Duration.ofHours(1), Duration.ofMinutes(5), Duration.ofSeconds(30), clock);
            assertEquals(Duration.ofSeconds(30), other.rulesFor(greedy.url("/")).crawlDelay());
        }
    }

    @Test
    void listsTheSitemapsOfRobotsTxt() {
        robotsTxt("User-agent: *\nAllow: /\nSitemap: " + site.url("/sitemap.xml") + "\n");
        assertEquals(java.util.List.of(site.url("/sitemap.xml")), robots.rulesFor(site.url("/")).sitemaps());
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() {
        assertTrue(robots.rulesFor(site.url("/a")).isAllowed(site.url("/a")));
    }

    @Test
    void aFailingRobotsTxtDisallowsUntilItRecovers() {
        AtomicInteger status = new AtomicInteger(500);
        site.route("/robots.txt", exchange -> TestSite.send(exchange, status.get(), "text/plain",
                "User-agent: *\nAllow: /\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        RobotsCache.Rules broken = robots.rulesFor(site.url("/a"));
        assertTrue(broken.unavailable());
        assertFalse(broken.isAllowed(site.url("/a")));

        status.set(200);
        assertTrue(robots.rulesFor(site.url("/a")).unavailable(), "the failure is cached for a while");
        clock.advance(Duration.ofMinutes(6));
        RobotsCache.Rules recovered = robots.rulesFor(site.url("/a"));
        assertFalse(recovered.unavailable());
        assertTrue(recovered.isAllowed(site.url("/a")));
    }

    @Test
    void robotsTxtIsFetchedOncePerHostWhileCached() {
        robotsTxt("User-agent: *\nAllow: /\n");
        for (int i = 0; i < 5; i++) {
            robots.rulesFor(site.url("/page" + i));
        }
        assertEquals(1, site.hits("/robots.txt"));
    }
}
