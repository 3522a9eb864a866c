package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.app.testing.Promtool;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.metrics.MetricDefinition;
import io.newsflow.core.metrics.MetricNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of a running pipeline, as Prometheus reads it: every {@code newsflow_} series has
 * HELP text and belongs to the catalogue, and {@code promtool check metrics} has nothing to say about them.
 */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsScrapeIT {

    private String scrape = "";

    @BeforeAll
    @Timeout(120)
    void scrapeARunningPipeline(EmbeddedKafka kafka, @TempDir Path dataDir) throws Exception {
        try (FixtureServer site = new FixtureServer()) {
            NewsflowConfig config = PipelineConfigs.forTest(kafka, dataDir, "scrape", Map.of(
                    "newsflow.ingest.start.urls", List.of(site.url("/ports.html"), site.url("/arctic.html"))));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.allOf(Stage.class), null, false)) {
                PipelineConfigs.awaitRows(dataDir, Set.of(site.url("/ports.html"), site.url("/arctic.html")), Duration.ofSeconds(90));
                HttpClient http = HttpClient.newHttpClient();
                // the lag gauges refresh every 2 s; the readiness gauges answer on every scrape
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + process.httpPort() + "/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                scrape = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + process.httpPort() + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
        }
    }

    @Test
    void everyNewsflowSeriesHasHelpTextAndIsInTheCatalogue() {
        Map<String, String> help = new HashMap<>();
        Set<String> samples = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.startsWith("# HELP newsflow_")) {
                String[] parts = line.split(" ", 4);
                help.put(parts[2], parts.length > 3 ? parts[3].strip() : "");
            } else if (line.startsWith("newsflow_")) {
                samples.add(line.split("[{ ]", 2)[0]);
            }
        }
        Set<String> catalogued = MetricNames.catalogue().stream()
                .flatMap(m -> m.seriesNames().stream()).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (String sample : samples) {
            if (!catalogued.contains(sample)) {
                problems.add(sample + " is not in the catalogue");
            }
            Optional<String> family = help.keySet().stream()
                    .filter(f -> sample.equals(f) || sample.matches("\\Q" + f + "\\E_(bucket|count|sum)")).findFirst();
            if (family.isEmpty() || help.get(family.get()).isEmpty()) {
                problems.add(sample + " has no HELP text");
            }
        }
        assertEquals(List.of(), problems, scrape);
        // what the pipeline did registers these; the alert rules read them
        for (String expected : List.of("newsflow_fetch_pages_total", "newsflow_sink_store_available",
                "newsflow_consumer_lag_records", "newsflow_freshness_seconds_bucket", "newsflow_ready_check")) {
            assertTrue(samples.contains(expected), expected + " in " + samples);
        }
        assertTrue(scrape.contains("newsflow_ready_check{check=\"broker\"} 1"), scrape);
    }

    @Test
    void promtoolReportsNothingForNewsflowSeries() throws Exception {
        Optional<Promtool> promtool = Promtool.find();
        assumeTrue(promtool.isPresent(), Promtool.ABSENT);

        Promtool.Result result = promtool.get().run(scrape, "check", "metrics");

        List<String> newsflow = result.output().lines().filter(l -> l.startsWith("newsflow_")).toList();
        assertEquals(List.of(), newsflow, result.output());
    }

    @Test
    void kafkaClientSeriesKeepKafkasNamesAndCarryBoundedLabels() {
        Pattern uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");
        // Kafka's own tags (client, thread, broker node, topic, partition, task) and the version Micrometer adds
        Set<String> bounded = Set.of("application_id", "client_id", "thread_id", "node_id", "topic", "partition", "task_id",
                "kafka_version");
        List<String> problems = new ArrayList<>();
        int kafkaSeries = 0;
        for (String line : scrape.split("\n")) {
            if (!line.startsWith("kafka_")) {
                continue;
            }
            kafkaSeries++;
            int open = line.indexOf('{');
            Matcher labels = label.matcher(open < 0 ? "" : line.substring(open, line.lastIndexOf('}') + 1));
            while (labels.find()) {
                if (!bounded.contains(labels.group(1))) {
                    problems.add(labels.group(1) + " in " + line);
                }
                if (uuid.matcher(labels.group(2)).find()) {
                    problems.add("a process UUID in " + line);
                }
            }
        }
        assertTrue(kafkaSeries > 100, "the enrich stage's Kafka client series: " + kafkaSeries);
        assertTrue(scrape.contains("kafka_consumer_fetch_manager_records_lag_max{"), "Kafka's own metric names");
        assertEquals(List.of(), problems.stream().distinct().limit(20).toList());
    }

    @Test
    void catalogueDefinitionsAreWhatTheScrapeShows() {
        MetricDefinition lag = MetricNames.definition(MetricNames.CONSUMER_LAG).orElseThrow();
        assertTrue(scrape.contains("# TYPE " + lag.prometheusName() + " gauge"), scrape);
    }
}
