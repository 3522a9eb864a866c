package io.newsflow.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Link;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.Revision;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The revisit schedule and the revisions step, through the shipped topology. */
class StealthEditsTopologyTest {

    private static final String URL = "https://news.example.org:8443/2026/11/harbour-vote";
    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path dataDir;

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Page> pages;
    private TestOutputTopic<String, Link> links;
    private TestOutputTopic<String, Revision> revisions;

    @BeforeEach
    void start() {
        EnrichConfig config = new EnrichConfig(NewsflowConfig.of(Map.of(CommonConfig.DATA_DIR, dataDir.toString(),
                EnrichConfig.APPLICATION_ID, "stealth-edits-test", EnrichConfig.REVISIT_SCHEDULE, "1h, 6h, 24h",
                EnrichConfig.REVISIT_CHECK_MS, "60000")));
        StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, config, registry);
        Properties props = EnrichService.streamsConfig(config, new Properties(), registry);
        driver = new TopologyTestDriver(builder.build(), props, START);
        pages = driver.createInputTopic(Topics.PAGES.name(), Topics.PAGES.keySerde().serializer(),
                Topics.PAGES.valueSerde().serializer());
        links = driver.createOutputTopic(Topics.LINKS.name(), Topics.LINKS.keySerde().deserializer(),
                Topics.LINKS.valueSerde().deserializer());
        revisions = driver.createOutputTopic(Topics.REVISIONS.name(), Topics.REVISIONS.keySerde().deserializer(),
                Topics.REVISIONS.valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void revisitsARecentArticleOnTheDecayingScheduleWithItsLatestValidators() {
        pages.pipeInput(URL, page(html("Harbour board keeps the port open", "Ann Lee", FIRST, SECOND, ""), START, "\"v1\""));
        driver.advanceWallClockTime(Duration.ofMinutes(59));
        assertTrue(links.isEmpty(), "nothing is due before the first offset");

        driver.advanceWallClockTime(Duration.ofMinutes(2));
        KeyValue<String, Link> first = links.readKeyValue();
        assertEquals("news.example.org:8443", first.key, "keyed by host like every link");
        assertTrue(first.value.isRevisit());
        assertEquals(URL, first.value.url());
        assertEquals("\"v1\"", first.value.etag());
        assertTrue(links.isEmpty());

        // the revisit brought a new page: the next conditional GET must use its validators
        pages.pipeInput(URL, page(html("Harbour board keeps the port open", "Ann Lee", FIRST, SECOND, "<p>ad 2</p>"),
                START.plus(Duration.ofHours(1)), "\"v2\""));
        driver.advanceWallClockTime(Duration.ofHours(5));
        assertEquals("\"v2\"", links.readValue().etag());

        driver.advanceWallClockTime(Duration.ofHours(18));
        assertEquals(1, links.readValuesToList().size(), "the third and last revisit");
        driver.advanceWallClockTime(Duration.ofDays(7));
        assertTrue(links.isEmpty(), "after its last revisit the article is forgotten");
        assertEquals(3.0, registry.get(MetricNames.ENRICH_REVISITS).counter().count());
    }

    @Test
    void missedRevisitsCollapseIntoOne() {
        pages.pipeInput(URL, page(html("Harbour board keeps the port open", "Ann Lee", FIRST, SECOND, ""), START, null));
        driver.advanceWallClockTime(Duration.ofHours(7));
        assertEquals(1, links.readValuesToList().size());
        driver.advanceWallClockTime(Duration.ofHours(17));
        assertEquals(1, links.readValuesToList().size());
    }

    @Test
    void anEditedArticlePublishesARevisionWithTheFieldLevelDiff() {
        pages.pipeInput(URL, page(html("Harbour board keeps the port open", "Ann Lee", FIRST, SECOND, ""), START, null));
        pages.pipeInput(URL, page(html("Harbour board closes the port at night", "Ann Lee and Bo Chan",
                FIRST, SECOND.replace("Tuesday", "Wednesday"), "<p>" + THIRD + "</p>"), START.plus(Duration.ofHours(1)), null));

        KeyValue<String, Revision> out = revisions.readKeyValue();
        Revision revision = out.value;
        assertEquals(ArticleId.of(URL), out.key);
        assertEquals(1, revision.oldVersion());
        assertEquals(2, revision.newVersion());
        Revision.Changes changes = revision.changes();
        assertEquals("Harbour board keeps the port open", changes.title().before());
        assertEquals("Harbour board closes the port at night", changes.title().after());
        assertEquals(List.of("Ann Lee"), changes.authors().before());
        assertEquals(List.of("Ann Lee", "Bo Chan"), changes.authors().after());
        assertEquals(1, changes.paragraphsChanged().size());
        assertTrue(changes.paragraphsChanged().get(0).after().contains("Wednesday"));
        assertEquals(1, changes.paragraphsAdded().size());
        assertEquals(THIRD, changes.paragraphsAdded().get(0).after());
        assertTrue(changes.paragraphsRemoved().isEmpty());
        assertNull(changes.publishedAt());
        assertEquals(3, revision.after().paragraphs().size());
        assertEquals(1.0, registry.get(MetricNames.ENRICH_REVISIONS).tag(MetricNames.TAG_FIELD, "title").counter().count());
    }

    @Test
    void aPageWhoseAdsAndTimestampsChangedButNotItsTextPublishesNothing() {
        pages.pipeInput(URL, page(html("Harbour board keeps the port open", "Ann Lee", FIRST, SECOND, ""), START, null));
        String noisy = html("Harbour board keeps the port open", "Ann Lee", FIRST, SECOND, "")
                .replace("</article>", "</article><aside class=\"ad\">Buy a boat today! Offer ends 11:42:07</aside>"
                        + "<footer>Page generated 2026-11-28 11:42:07</footer>");
        pages.pipeInput(URL, page(noisy, START.plus(Duration.ofHours(1)), null));

        assertTrue(revisions.isEmpty());
    }

    private static final String FIRST = "The harbour board voted on Monday to keep the port of Elsfleth open at night, "
            + "after a year of complaints from the shipping companies that use it.";
    private static final String SECOND = "The vote on Tuesday followed a long debate in which residents asked for quieter "
            + "cranes and fewer lorries in the old town after ten in the evening.";
    private static final String THIRD = "Correction: an earlier version of this article misstated the day of the vote.";

    private static String html(String title, String byline, String first, String second, String extra) {
        return "<html lang=\"en\"><head><title>" + title + "</title><meta name=\"author\" content=\"" + byline + "\">"
                + "<meta property=\"article:published_time\" content=\"2026-11-28T08:00:00Z\"></head><body><article>"
                + "<h1>" + title + "</h1><p>" + first + "</p><p>" + second + "</p>" + extra + "</article></body></html>";
    }

    private static Page page(String html, Instant fetchedAt, String etag) {
        return new Page(URL, URL, URL, "harbour-feed", fetchedAt, 200, "text/html", "UTF-8", etag, null,
                ArticleId.sha256Hex(html), false, html);
    }
}
