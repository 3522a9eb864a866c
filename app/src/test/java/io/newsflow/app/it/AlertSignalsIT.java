package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.app.testing.RepositoryFiles;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The series the ingestion and source alerts of {@code docker/prometheus/alerts.yml} read, on
 * {@code /metrics} of a running {@code up} whose source site goes away: before, the source is ok and
 * pages are fetched; after, the source turns failing, its polls keep failing, and the fetched-pages
 * counter the stall rule reads stops while the source stays configured.
 */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class AlertSignalsIT {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final String FETCHED_OUTCOMES = "ok|not_modified|unchanged";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String source = "alerts-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    @Timeout(180)
    void stoppingTheSourceSiteMovesTheSeriesTheStallAndSourceFailingRulesRead(EmbeddedKafka kafka, @TempDir Path dataDir)
            throws Exception {
        Map<String, String> rules = alertExpressions();
        String configured = MetricNames.definition(MetricNames.SOURCE_CONFIGURED).orElseThrow().prometheusName();
        String fetched = MetricNames.definition(MetricNames.FETCH_PAGES).orElseThrow().prometheusName();
        String status = MetricNames.definition(MetricNames.SOURCE_STATUS).orElseThrow().prometheusName();
        String polls = MetricNames.definition(MetricNames.SOURCE_POLLS).orElseThrow().prometheusName();
        String failingAtIngest = MetricNames.definition(MetricNames.SOURCE_FAILING).orElseThrow().prometheusName();
        // what this test watches is what the rules read
        assertTrue(rules.get("NewsflowIngestionStalled").contains(configured), rules.get("NewsflowIngestionStalled"));
        assertTrue(rules.get("NewsflowIngestionStalled").contains(fetched + "{outcome=~\"" + FETCHED_OUTCOMES + "\"}"),
                rules.get("NewsflowIngestionStalled"));
        assertTrue(rules.get("NewsflowSourceFailing").contains(status + "{status=\"failing\"}) == 1"), rules.get("NewsflowSourceFailing"));

        try (FixtureServer site = new FixtureServer()) {
            watchTheSiteGoAway(kafka, dataDir, site, configured, fetched, status, polls, failingAtIngest);
        }
    }

    private void watchTheSiteGoAway(EmbeddedKafka kafka, Path dataDir, FixtureServer site, String configured, String fetched,
            String status, String polls, String failingAtIngest) throws Exception {
        List<String> articles = List.of(site.url("/ports.html"), site.url("/arctic.html"));
        site.serve("/feed.xml", "application/rss+xml", feed(site.url("/"), articles));
        NewsflowConfig config = PipelineConfigs.forTest(kafka, dataDir, "alerts", Map.of(
                IngestConfig.SOURCES, List.of(Map.of("name", source, "type", "feed", "url", site.url("/feed.xml"), "interval.ms", 1000)),
                // polls and page fetches take turns on the site's host: a short delay leaves the pages their turns
                IngestConfig.FETCH_DELAY_MS, 50L,
                IngestConfig.SOURCE_BACKOFF_MAX_MS, 1000L,
                EnrichConfig.HEALTH_INTERVAL_MS, 300L,
                EnrichConfig.HEALTH_FAILING_STREAK, 2));
        try (RunningProcess process = RunningProcess.start(config, EnumSet.allOf(Stage.class), null, false)) {
            URI metrics = URI.create("http://127.0.0.1:" + process.httpPort() + "/metrics");
            PipelineConfigs.awaitRows(dataDir, Set.copyOf(articles), Duration.ofSeconds(90));
            String up = awaitScrape(metrics, s -> value(s, status, "source", source, "status", "ok") == 1, "source " + source + " ok");
            assertEquals(1, value(up, configured), "sources configured while the site answers");
            assertEquals(0, value(up, status, "source", source, "status", "failing"));
            double fetchedBefore = fetchedPages(up, fetched);
            assertTrue(fetchedBefore >= articles.size(), "pages fetched while the site answers: " + fetchedBefore);

            site.close(); // closing it again when the test ends is harmless

            String down = awaitScrape(metrics, s -> value(s, status, "source", source, "status", "failing") == 1,
                    "source " + source + " failing after its site stopped");
            assertEquals(0, value(down, status, "source", source, "status", "ok"));
            assertTrue(value(down, failingAtIngest) >= 1, "sources ingest counts as failing: " + value(down, failingAtIngest));
            // the stall rule's inputs: the source is still configured, and no page was fetched since the stop
            double refusedPolls = failedPolls(down, polls);
            String later = awaitScrape(metrics, s -> failedPolls(s, polls) >= refusedPolls + 2, "more failed polls of " + source);
            assertEquals(1, value(later, configured), "sources configured after the site stopped");
            assertEquals(fetchedPages(down, fetched), fetchedPages(later, fetched), "pages fetched after the site stopped");
            assertEquals(1, value(later, status, "source", source, "status", "failing"));
        }
    }

    /** alert name -> expression, from the rules the compose Prometheus loads. */
    private static Map<String, String> alertExpressions() throws IOException {
        JsonNode alerts = RepositoryFiles.yaml(RepositoryFiles.ROOT.resolve("docker/prometheus/alerts.yml"));
        Map<String, String> rules = new HashMap<>();
        for (JsonNode group : alerts.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.put(rule.path("alert").asText(), rule.path("expr").asText());
            }
        }
        return rules;
    }

    private static String feed(String home, List<String> links) {
        StringBuilder items = new StringBuilder();
        links.forEach(link -> items.append("<item><title>t</title><link>").append(link).append("</link></item>"));
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>site</title><link>" + home
                + "</link><description>d</description>" + items + "</channel></rss>";
    }

    private String awaitScrape(URI metrics, Predicate<String> condition, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String scrape = "";
        while (System.nanoTime() < deadline) {
            scrape = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (condition.test(scrape)) {
                return scrape;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no scrape showed " + what + " within 60 s; last:\n" + scrape);
    }

    /** Pages fetched as the stall rule counts them: outcomes ok, not_modified, unchanged. */
    private static double fetchedPages(String scrape, String name) {
        return sum(scrape, name, labels -> labels.matches(".*outcome=\"(" + FETCHED_OUTCOMES + ")\".*"));
    }

    /** Source polls that failed: every outcome but ok and not_modified. */
    private static double failedPolls(String scrape, String name) {
        return sum(scrape, name, labels -> !labels.matches(".*outcome=\"(ok|not_modified)\".*"));
    }

    /** The value of the one sample of {@code name} carrying the given label pairs; NaN when there is none. */
    private static double value(String scrape, String name, String... labelPairs) {
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < labelPairs.length; i += 2) {
            pattern.append("(?=.*\\b").append(labelPairs[i]).append("=\"").append(Pattern.quote(labelPairs[i + 1])).append("\")");
        }
        Pattern labels = Pattern.compile(pattern + ".*");
        double found = Double.NaN;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name) && labels.matcher(sample.group(3) == null ? "" : sample.group(3)).matches()) {
                found = Double.parseDouble(sample.group(4));
            }
        }
        return found;
    }

    private static double sum(String scrape, String name, Predicate<String> labels) {
        double total = 0;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name) && labels.test(sample.group(3) == null ? "" : sample.group(3))) {
                total += Double.parseDouble(sample.group(4));
            }
        }
        return total;
    }
}
