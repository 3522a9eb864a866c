package io.newsflow.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.ingest.source.SourceSpec;
import io.newsflow.ingest.source.SourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestConfigTest {

    @Test
    void readsSourcesFromTheYamlFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newsflow.yaml");
        Files.writeString(file, """
                newsflow:
                  ingest:
                    fetch.delay.ms: 2000
                    sources:
                      - name: desk
                        type: feed
                        url: https://news.example/feed.xml
                        interval.ms: 300000
                      - type: listing
                        url: https://news.example/world/
                        include: /20\\d\\d/
                        exclude: /video/
                """);
        IngestConfig config = new IngestConfig(NewsflowConfig.load(file, Map.of()));
        List<SourceSpec> sources = config.sources();
        assertEquals(2, sources.size());
        assertEquals("desk", sources.get(0).name());
        assertEquals(SourceType.FEED, sources.get(0).type());
        assertEquals(Duration.ofMinutes(5), sources.get(0).interval());
        SourceSpec listing = sources.get(1);
        assertEquals("news.example-listing", listing.name());
        assertEquals(Duration.ofMinutes(10), listing.interval(), "the default interval");
        assertTrue(listing.accepts("https://news.example/2026/03/02/summit.html"));
        assertFalse(listing.accepts("https://news.example/2026/03/02/video/summit.html"));
        assertEquals(Duration.ofSeconds(2), config.fetchDelay());
    }

    @Test
    void aBadSourceIsAClearError() {
        ConfigException e = assertThrows(ConfigException.class, () -> new IngestConfig(NewsflowConfig.of(Map.of(
                IngestConfig.SOURCES, List.of(Map.of("type", "podcast", "url", "https://news.example/pod.xml"))))));
        assertTrue(e.getMessage().contains("unknown source type 'podcast'"), e.getMessage());
        ConfigException noUrl = assertThrows(ConfigException.class, () -> new IngestConfig(NewsflowConfig.of(Map.of(
                IngestConfig.SOURCES, List.of(Map.of("type", "feed"))))));
        assertTrue(noUrl.getMessage().contains("has no url"), noUrl.getMessage());
    }

    @Test
    void theBundledDefaultSourcesAreValid() {
        IngestConfig config = new IngestConfig(NewsflowConfig.of(Map.of(IngestConfig.SOURCES, IngestConfig.defaultSources())));
        assertTrue(config.sources().size() >= 3);
        assertTrue(config.sources().stream().allMatch(s -> s.type() == SourceType.FEED));
    }

    @Test
    void theRobotsAgentIsTheUserAgentsProductToken() {
        assertEquals("newsflow", new IngestConfig(NewsflowConfig.of(Map.of())).robotsAgentName());
    }
}
