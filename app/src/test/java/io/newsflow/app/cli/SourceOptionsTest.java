package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.source.SourceSpec;
import io.newsflow.ingest.source.SourceType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SourceOptionsTest {

    private static IngestConfig apply(NewsflowConfig config, String... args) {
        SourceOptions options = CommandLine.populateCommand(new SourceOptions(), args);
        return new IngestConfig(options.applyTo(config));
    }

    @Test
    void commandLineSourcesAreAddedToTheConfiguredOnes() {
        NewsflowConfig configured = NewsflowConfig.of(Map.of(IngestConfig.SOURCES,
                List.of(Map.of("name", "desk", "type", "feed", "url", "https://news.example/feed.xml"))));
        IngestConfig config = apply(configured, "--feed", "https://a.example/rss", "--feed", "https://b.example/atom",
                "--sitemap", "https://c.example/robots.txt", "--sitemap", "https://c.example/news.xml",
                "--listing", "https://d.example/world/", "--include", "/20\\d\\d/");
        List<SourceSpec> sources = config.sources();
        assertEquals(List.of(SourceType.FEED, SourceType.FEED, SourceType.FEED, SourceType.ROBOTS, SourceType.SITEMAP, SourceType.LISTING),
                sources.stream().map(SourceSpec::type).toList());
        assertEquals("desk", sources.get(0).name());
        SourceSpec listing = sources.get(5);
        assertTrue(listing.accepts("https://d.example/2026/03/02/a.html"));
        assertEquals(false, listing.accepts("https://d.example/about"));
    }

    @Test
    void allowPrivateOpensTheGuard() {
        assertTrue(apply(NewsflowConfig.of(Map.of()), "--allow-private").allowPrivate());
        assertEquals(false, apply(NewsflowConfig.of(Map.of())).allowPrivate());
    }
}
