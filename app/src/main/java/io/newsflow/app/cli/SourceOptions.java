package io.newsflow.app.cli;

import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.ingest.IngestConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Sources given on the command line of {@code up} and {@code ingest}, added to the configured ones. */
final class SourceOptions {

    @Option(names = "--feed", paramLabel = "URL", description = "Poll this RSS or Atom feed (repeatable).")
    List<String> feeds = new ArrayList<>();

    @Option(names = "--sitemap", paramLabel = "URL",
            description = "Poll this sitemap, sitemap index or news sitemap; a robots.txt URL means every sitemap it lists (repeatable).")
    List<String> sitemaps = new ArrayList<>();

    @Option(names = "--listing", paramLabel = "URL", description = "Poll this section or front page for article links (repeatable).")
    List<String> listings = new ArrayList<>();

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Article links of --listing pages must match this pattern (default: any link on the same host).")
    String include;

    @Option(names = "--allow-private",
            description = "Let the crawler fetch loopback, private and link-local addresses (a site on your own machine or network).")
    boolean allowPrivate;

    /** Whether any source was given here. */
    boolean any() {
        return !feeds.isEmpty() || !sitemaps.isEmpty() || !listings.isEmpty();
    }

    /** The config with these sources appended to {@code newsflow.ingest.sources}. */
    NewsflowConfig applyTo(NewsflowConfig config) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        if (any()) {
            List<Object> sources = new ArrayList<>();
            if (config.values().get(IngestConfig.SOURCES) instanceof List<?> configured) {
                sources.addAll(configured);
            }
            feeds.forEach(url -> sources.add(source("cli-feed-" + sources.size(), "feed", url, null)));
            sitemaps.forEach(url -> sources.add(source("cli-sitemap-" + sources.size(),
                    url.endsWith("/robots.txt") ? "robots" : "sitemap", url, null)));
            listings.forEach(url -> sources.add(source("cli-listing-" + sources.size(), "listing", url, include)));
            overrides.put(IngestConfig.SOURCES, sources);
        }
        if (allowPrivate) {
            overrides.put(IngestConfig.ALLOW_PRIVATE, true);
        }
        return config.with(overrides);
    }

    private static Map<String, Object> source(String name, String type, String url, String include) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("name", name);
        source.put("type", type);
        source.put("url", url);
        if (include != null) {
            source.put("include", include);
        }
        return source;
    }
}
