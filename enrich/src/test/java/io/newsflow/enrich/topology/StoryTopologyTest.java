package io.newsflow.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.story.StorySigner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The story step through the shipped topology: copies join the story of the first article seen. */
class StoryTopologyTest {

    static final List<String> WIRE = List.of(
            "The harbour authority of Port Elsworth voted on Monday to close the northern container terminal for "
                    + "eighteen months while engineers replace the sea wall that storms cracked last winter.",
            "The board's decision, taken by five votes to two, moves about a third of the port's freight to the "
                    + "southern quays, where operators say they can absorb the extra ships if they work at night.",
            "Shipping lines were told in a letter seen by reporters that berthing slots would be reallocated by "
                    + "lottery in the first month and by historical volume after that.",
            "Dock workers' representatives welcomed the repairs but warned that night shifts would need new "
                    + "lighting, more pilots and a second tug crew before the southern quays could run safely.",
            "The mayor said the city had asked the national infrastructure fund to cover half of the cost, which "
                    + "engineers put at between forty and fifty-five million euros.",
            "Fishing cooperatives that use the inner basin said they expected no disruption, because the works "
                    + "will be carried out from barges moored outside the breakwater.",
            "Environmental groups asked the authority to publish the survey of the seabed before dredging begins, "
                    + "citing a colony of protected seagrass near the old lighthouse.",
            "The authority said a public hearing on the survey would be held in the spring and that the terminal "
                    + "would reopen in stages, starting with the two berths nearest the rail yard.");

    static final List<String> SAME_EVENT = List.of(
            "Freight companies in Port Elsworth are bracing for a year and a half of congestion after port "
                    + "officials decided to shut the northern terminal for repairs to its storm-damaged sea wall.",
            "Logistics managers interviewed on Tuesday said they had begun booking trucks to inland depots and "
                    + "warned customers that deliveries of furniture and electronics could slip by weeks.",
            "One forwarding agent, who runs a fleet of thirty lorries, said night work at the southern quays "
                    + "would only help if the customs office also stayed open after dark.",
            "Economists at the regional chamber of commerce estimate the closure could shave a tenth of a point "
                    + "off the province's growth this year, mostly through higher transport costs.");

    @TempDir
    Path dataDir;

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Page> pages;
    private TestOutputTopic<String, Article> articles;

    private void start(Map<String, Object> settings) {
        Map<String, Object> values = new HashMap<>(settings);
        values.put(CommonConfig.DATA_DIR, dataDir.toString());
        values.put(EnrichConfig.APPLICATION_ID, "story-topology-test");
        EnrichConfig config = new EnrichConfig(NewsflowConfig.of(values));
        StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, config, registry);
        Properties props = EnrichService.streamsConfig(config, new Properties(), registry);
        driver = new TopologyTestDriver(builder.build(), props);
        pages = driver.createInputTopic(Topics.PAGES.name(), Topics.PAGES.keySerde().serializer(),
                Topics.PAGES.valueSerde().serializer());
        articles = driver.createOutputTopic(Topics.ARTICLES.name(), Topics.ARTICLES.keySerde().deserializer(),
                Topics.ARTICLES.valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void republishedCopyJoinsTheStoryOfTheFirstArticle() {
        start(Map.of());
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        String first = "https://wire.example.org/2026/11/port-terminal-closes";
        String copy = "https://daily.example.com/news/harbour-board-shuts-terminal";
        pages.pipeInput(first, page(first, original(), t));
        pages.pipeInput(copy, page(copy, republished(), t.plus(Duration.ofHours(3))));

        List<Article> out = articles.readValuesToList();
        assertEquals(2, out.size());
        assertEquals(ArticleId.of(first), out.get(0).storyId());
        assertNull(out.get(0).storyOverlap());
        assertEquals(ArticleId.of(first), out.get(1).storyId(), "the copy carries the first article's id");
        assertNotNull(out.get(1).storyOverlap());
        assertTrue(out.get(1).storyOverlap() >= 0.4 && out.get(1).storyOverlap() < 1.0, "overlap " + out.get(1).storyOverlap());
        assertEquals(1.0, registry.get(MetricNames.ENRICH_STORIES).tag(MetricNames.TAG_OUTCOME, "first").counter().count());
        assertEquals(1.0, registry.get(MetricNames.ENRICH_STORIES).tag(MetricNames.TAG_OUTCOME, "copy").counter().count());
        assertEquals(2, registry.get(MetricNames.ENRICH_STEP_DURATION).tag(MetricNames.TAG_STEP, "story").timer().count());
    }

    @Test
    void exactCopyJoinsWithOverlapOneAndIsNotIndexedAgain() {
        start(Map.of());
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        String first = "https://wire.example.org/2026/11/port-terminal-closes";
        String copy = "https://mirror.example.net/port-terminal-closes";
        pages.pipeInput(first, page(first, original(), t));
        pages.pipeInput(copy, page(copy, original(), t.plusSeconds(5)));

        List<Article> out = articles.readValuesToList();
        assertEquals(ArticleId.of(first), out.get(1).storyId());
        assertEquals(1.0, out.get(1).storyOverlap());
        KeyValueStore<String, String> bands = driver.getKeyValueStore(EnrichTopology.STORY_BAND_STORE);
        try (var all = bands.all()) {
            all.forEachRemaining(band -> assertEquals(ArticleId.of(first), band.value, "only the first is in band " + band.key));
        }
        assertEquals(2, count(driver.getKeyValueStore(EnrichTopology.STORY_ENTRY_STORE)), "both are known, by id");
    }

    @Test
    void differentStoryOnTheSameEventStartsItsOwnStory() {
        start(Map.of());
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        String first = "https://wire.example.org/2026/11/port-terminal-closes";
        String other = "https://business.example.net/freight-firms-brace-for-congestion";
        pages.pipeInput(first, page(first, original(), t));
        pages.pipeInput(other, page(other, html("Freight firms brace for port congestion", SAME_EVENT, ""), t.plusSeconds(60)));

        List<Article> out = articles.readValuesToList();
        assertEquals(ArticleId.of(other), out.get(1).storyId());
        assertNull(out.get(1).storyOverlap());
    }

    @Test
    void newVersionOfACopyKeepsItsStory() {
        start(Map.of());
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        String first = "https://wire.example.org/2026/11/port-terminal-closes";
        String copy = "https://daily.example.com/news/harbour-board-shuts-terminal";
        pages.pipeInput(first, page(first, original(), t));
        pages.pipeInput(copy, page(copy, republished(), t.plusSeconds(600)));
        // the copy's editors rewrite it until it no longer resembles the wire story: still the same story
        pages.pipeInput(copy, page(copy, html("Harbour board shuts terminal", SAME_EVENT, ""), t.plusSeconds(7200)));

        List<Article> out = articles.readValuesToList();
        assertEquals(3, out.size());
        assertEquals(2, out.get(2).version());
        assertEquals(ArticleId.of(first), out.get(2).storyId());
        assertEquals(out.get(1).storyOverlap(), out.get(2).storyOverlap());
    }

    @Test
    void copySeenAfterTheWindowStartsANewStory() {
        start(Map.of(EnrichConfig.STORY_WINDOW_MS, Duration.ofDays(1).toMillis()));
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        String first = "https://wire.example.org/2026/11/port-terminal-closes";
        String late = "https://weekly.example.com/archive/port-terminal";
        String other = "https://business.example.net/freight-firms-brace-for-congestion";
        pages.pipeInput(first, page(first, original(), t));
        pages.pipeInput(other, page(other, html("Freight firms brace", SAME_EVENT, ""), t.plus(Duration.ofDays(2))));
        pages.pipeInput(late, page(late, republished(), t.plus(Duration.ofDays(2)).plusSeconds(1)));

        List<Article> out = articles.readValuesToList();
        assertEquals(ArticleId.of(late), out.get(2).storyId());
        assertEquals(2, count(driver.getKeyValueStore(EnrichTopology.STORY_TIME_STORE)), "the first article aged out");
    }

    @Test
    void storesHoldNoMoreThanTheMaximumSignatures() {
        start(Map.of(EnrichConfig.STORY_MAX_SIGNATURES, 1L));
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        String first = "https://wire.example.org/2026/11/port-terminal-closes";
        String other = "https://business.example.net/freight-firms-brace-for-congestion";
        String copy = "https://daily.example.com/news/harbour-board-shuts-terminal";
        pages.pipeInput(first, page(first, original(), t));
        pages.pipeInput(other, page(other, html("Freight firms brace", SAME_EVENT, ""), t.plusSeconds(60)));
        pages.pipeInput(copy, page(copy, republished(), t.plusSeconds(120)));

        List<Article> out = articles.readValuesToList();
        assertEquals(ArticleId.of(copy), out.get(2).storyId(), "the first article was evicted to keep one signature");
        assertEquals(1, count(driver.getKeyValueStore(EnrichTopology.STORY_ENTRY_STORE)));
        assertEquals(StorySigner.BANDS, count(driver.getKeyValueStore(EnrichTopology.STORY_BAND_STORE)));
        assertNotEquals(out.get(0).storyId(), out.get(2).storyId());
    }

    private static long count(KeyValueStore<?, ?> store) {
        long n = 0;
        try (var all = store.all()) {
            while (all.hasNext()) {
                all.next();
                n++;
            }
        }
        return n;
    }

    static String original() {
        return "<html lang=\"en\"><head><title>Port Elsworth to close northern terminal for sea wall repairs</title></head>"
                + "<body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header><article>"
                + "<h1>Port Elsworth to close northern terminal for sea wall repairs</h1>"
                + paragraphs(WIRE) + "</article><footer>© Wire Service</footer></body></html>";
    }

    /** The wire story as a client paper runs it: own template and headline, dateline, lede edited, last paragraphs cut, credit. */
    static String republished() {
        List<String> body = new ArrayList<>(WIRE.subList(0, WIRE.size() - 2));
        body.set(0, "PORT ELSWORTH — " + body.get(0).replace("voted on Monday", "decided on Monday"));
        return html("Harbour board shuts terminal for 18 months", body, "Distributed by the Wire Service.");
    }

    static String html(String title, List<String> body, String credit) {
        return "<!doctype html><html lang=\"en\"><head><title>" + title + " | The Daily</title></head><body>"
                + "<div class=\"masthead\">The Daily <a href=\"/subscribe\">Subscribe</a></div>"
                + "<main><div class=\"story-body\"><h1>" + title + "</h1>" + paragraphs(body)
                + (credit.isEmpty() ? "" : "<p><em>" + credit + "</em></p>")
                + "</div><aside><h3>Most read</h3><ul><li><a href=\"/a\">Council budget</a></li></ul></aside></main>"
                + "</body></html>";
    }

    private static String paragraphs(List<String> paragraphs) {
        StringBuilder html = new StringBuilder();
        paragraphs.forEach(p -> html.append("<p>").append(p).append("</p>"));
        return html.toString();
    }

    static Page page(String url, String html, Instant fetchedAt) {
        return new Page(url, url, url, "test", fetchedAt, 200, "text/html", "UTF-8", null, null,
                ArticleId.sha256Hex(html), false, html);
    }
}
