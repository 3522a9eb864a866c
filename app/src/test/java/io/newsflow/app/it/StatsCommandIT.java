package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.testing.CommandRun;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow stats} against a running pipeline on the shared embedded broker. */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class StatsCommandIT {

    @Test
    @Timeout(120)
    void reportsThroughputLagAndFreshnessOfARunningPipeline(EmbeddedKafka kafka, @TempDir Path dataDir) throws Exception {
        try (FixtureServer site = new FixtureServer()) {
            NewsflowConfig config = PipelineConfigs.forTest(kafka, dataDir, "stats", Map.of(
                    "newsflow.ingest.start.urls", List.of(site.url("/ports.html"), site.url("/arctic.html"))));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.allOf(Stage.class), null, false)) {
                PipelineConfigs.awaitRows(dataDir, Set.of(site.url("/ports.html"), site.url("/arctic.html")), Duration.ofSeconds(90));
                String sinkGroup = (String) config.values().get("newsflow.sink.group.id");

                CommandRun run = CommandRun.of("stats", "--kafka-bootstrap", kafka.bootstrapServers(),
                        "--http-url", "http://127.0.0.1:" + process.httpPort(), "--interval", "1");

                assertEquals(0, run.exitCode(), run.err());
                assertTrue(run.out().contains("http://127.0.0.1:" + process.httpPort() + " ready: broker ok, storage ok, ingest ok, enrich ok, sink ok"),
                        run.out());
                assertTrue(total(run.out(), "pages fetched") >= 2, run.out());
                assertTrue(total(run.out(), "articles enriched") >= 2, run.out());
                assertTrue(total(run.out(), "rows stored") >= 2, run.out());
                assertTrue(run.out().matches("(?s).*freshness \\(fetch -> stored, since start\\): p50 [0-9.]+ m?s.*"), run.out());
                assertTrue(run.out().matches("(?s).*\\n" + Pattern.quote(sinkGroup) + " +- +\\d+ +\\d+  newsflow\\.articles\\n.*"), run.out());
            }
        }
    }

    @Test
    @Timeout(120)
    void sendsTheHttpTokenOfItsConfigFile(EmbeddedKafka kafka, @TempDir Path dataDir) throws Exception {
        NewsflowConfig config = PipelineConfigs.forTest(kafka, dataDir, "stats-token", Map.of("newsflow.http.token", "s3cret"));
        try (RunningProcess process = RunningProcess.start(config, EnumSet.of(Stage.ENRICH), null, false)) {
            String metrics = "http://127.0.0.1:" + process.httpPort();
            Path file = dataDir.resolve("stats.yaml");
            Files.writeString(file, "newsflow.http.token: s3cret\n");

            CommandRun without = CommandRun.of("stats", "--kafka-bootstrap", kafka.bootstrapServers(), "--http-url", metrics,
                    "--interval", "1");
            CommandRun with = CommandRun.of("stats", "--kafka-bootstrap", kafka.bootstrapServers(), "--http-url", metrics,
                    "--interval", "1", "--config", file.toString());

            assertTrue(without.out().contains("metrics unreachable: " + metrics + "/metrics (HTTP 401)"), without.out());
            assertEquals(0, with.exitCode(), with.err());
            assertFalse(with.out().contains("metrics unreachable"), with.out());
        }
    }

    @Test
    @Timeout(60)
    void saysWhichMetricsEndpointIsUnreachableAndStillReportsLag(EmbeddedKafka kafka) {
        CommandRun run = CommandRun.of("stats", "--kafka-bootstrap", kafka.bootstrapServers(),
                "--http-url", "http://127.0.0.1:1", "--interval", "1");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("metrics unreachable: http://127.0.0.1:1/metrics"), run.out());
        assertTrue(run.out().contains("consumer group"), run.out());
    }

    @Test
    @Timeout(60)
    void unreachableBrokerExitsWithOne() {
        CommandRun run = CommandRun.of("stats", "--kafka-bootstrap", "127.0.0.1:1", "--http-url", "http://127.0.0.1:1",
                "--interval", "1");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("cannot read consumer groups from Kafka at 127.0.0.1:1"), run.err());
    }

    private static long total(String out, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + " +(\\d+) ").matcher(out);
        assertTrue(m.find(), label + " in " + out);
        return Long.parseLong(m.group(1));
    }
}
