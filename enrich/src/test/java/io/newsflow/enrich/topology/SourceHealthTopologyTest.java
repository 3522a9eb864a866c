package io.newsflow.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.SourceHealth;
import io.newsflow.core.record.SourcePoll;
import io.newsflow.core.record.SourceStatus;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.health.HealthPages;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source health through the shipped topology: polls and pages in, one health record per changed source out. */
class SourceHealthTopologyTest {

    private static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path dataDir;

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, SourcePoll> polls;
    private TestInputTopic<String, Page> pages;
    private TestOutputTopic<String, SourceHealth> health;

    @BeforeEach
    void start() {
        EnrichConfig config = new EnrichConfig(NewsflowConfig.of(Map.of(CommonConfig.DATA_DIR, dataDir.toString(),
                EnrichConfig.APPLICATION_ID, "source-health-test", EnrichConfig.HEALTH_INTERVAL_MS, "30000",
                EnrichConfig.HEALTH_SILENT_AFTER_MS, String.valueOf(Duration.ofHours(6).toMillis()))));
        StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, config, registry);
        driver = new TopologyTestDriver(builder.build(), EnrichService.streamsConfig(config, new Properties(), registry), START);
        polls = driver.createInputTopic(Topics.SOURCE_POLLS.name(), Topics.SOURCE_POLLS.keySerde().serializer(),
                Topics.SOURCE_POLLS.valueSerde().serializer());
        pages = driver.createInputTopic(Topics.PAGES.name(), Topics.PAGES.keySerde().serializer(),
                Topics.PAGES.valueSerde().serializer());
        health = driver.createOutputTopic(Topics.SOURCE_HEALTH.name(), Topics.SOURCE_HEALTH.keySerde().deserializer(),
                Topics.SOURCE_HEALTH.valueSerde().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aSourceWhosePollsKeepFailingIsFailingWithItsStreak() {
        polls.pipeInput("wire", poll("wire", START, "ok", 3, 200));
        for (int i = 1; i <= 3; i++) {
            polls.pipeInput("wire", poll("wire", START.plusSeconds(i), "http_5xx", 0, 502));
        }
        SourceHealth wire = next();

        assertEquals("wire", wire.source());
        assertEquals(SourceStatus.FAILING, wire.status());
        assertEquals(3, wire.errorStreak());
        assertEquals(502, wire.lastHttpStatus());
        assertTrue(wire.reason().contains("3 failed polls"), wire.reason());
        assertEquals(1.0, gauge("wire", "failing"));
        assertEquals(0.0, gauge("wire", "ok"));
        assertEquals(3.0, registry.get(MetricNames.SOURCE_ERROR_STREAK).tag(MetricNames.TAG_SOURCE, "wire").gauge().value());

        polls.pipeInput("wire", poll("wire", START.plusSeconds(60), "ok", 1, 200));
        assertEquals(SourceStatus.OK, next().status(), "one good poll ends the streak");
    }

    @Test
    void pollsRefusedWith403AreBlockedNotFailing() {
        for (int i = 0; i < 3; i++) {
            polls.pipeInput("walled", poll("walled", START.plusSeconds(i), "http_4xx", 0, 403));
        }
        assertEquals(SourceStatus.BLOCKED, next().status());
    }

    @Test
    void aSourceServingChallengePagesIsBlockedAndItsArticlesCountAsExtracted() {
        pages.pipeInput("u0", page("https://ok.example/a", "daily", HealthPages.article()));
        for (int i = 0; i < 3; i++) {
            pages.pipeInput("u" + i, page("https://walled.example/a" + i, "walled", HealthPages.challenge()));
        }
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        Map<String, SourceHealth> bySource = health.readKeyValuesToMap();

        assertEquals(SourceStatus.BLOCKED, bySource.get("walled").status());
        assertEquals(1.0, bySource.get("walled").blockedShare());
        assertEquals(SourceStatus.OK, bySource.get("daily").status());
        assertEquals(1.0, bySource.get("daily").extractedShare());
        assertEquals(1, bySource.get("daily").stored24h(), "its article was new");
    }

    @Test
    void aFeedThatStillAnswersButListsNothingNewGoesSilent() {
        polls.pipeInput("wire", poll("wire", START, "ok", 4, 200));
        assertEquals(SourceStatus.OK, next().status());
        polls.pipeInput("wire", poll("wire", START.plus(Duration.ofHours(1)), "ok", 0, 200));
        driver.advanceWallClockTime(Duration.ofHours(5));
        assertEquals(SourceStatus.OK, health.readValuesToList().get(0).status(), "within the silent time");

        driver.advanceWallClockTime(Duration.ofHours(2));
        SourceHealth silent = health.readValuesToList().get(0);
        assertEquals(SourceStatus.SILENT, silent.status());
        assertTrue(silent.reason().startsWith("nothing new for"), silent.reason());
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertTrue(health.isEmpty(), "an unchanged source is not published again");
    }

    @Test
    void aSourceFarBelowItsOwnBaselineIsQuiet() {
        polls.pipeInput("wire", poll("wire", START.minus(Duration.ofDays(9)), "ok", 0, 200));
        for (int day = 7; day >= 1; day--) {
            polls.pipeInput("wire", poll("wire", START.minus(Duration.ofDays(day)), "ok", 20, 200));
        }
        polls.pipeInput("wire", poll("wire", START.minus(Duration.ofHours(2)), "ok", 2, 200));
        SourceHealth quiet = next();

        assertEquals(SourceStatus.QUIET, quiet.status());
        assertEquals(2, quiet.found24h());
        assertEquals(20.0, quiet.foundBaseline());
    }

    private SourceHealth next() {
        driver.advanceWallClockTime(Duration.ofSeconds(31));
        return health.readValuesToList().get(0);
    }

    private double gauge(String source, String status) {
        return registry.get(MetricNames.SOURCE_STATUS).tag(MetricNames.TAG_SOURCE, source).tag(MetricNames.TAG_STATUS, status)
                .gauge().value();
    }

    private static SourcePoll poll(String source, Instant at, String outcome, int newLinks, int status) {
        return new SourcePoll(source, "feed", "https://" + source + ".example/feed.xml", at, outcome, newLinks, newLinks, status,
                outcome.equals("ok") ? null : "answered HTTP " + status);
    }

    private static Page page(String url, String source, String html) {
        return new Page(url, url, url, source, START, 200, "text/html", "UTF-8", null, null, ArticleId.sha256Hex(html), false, html);
    }
}
