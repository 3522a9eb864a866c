package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Fixture pages served over HTTP flow through a real broker and all three stages into SQLite. */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class EndToEndIT {

    @Test
    @Timeout(120)
    void fetchedPagesArriveAsArticleRowsInSqlite(EmbeddedKafka kafka, @TempDir Path dataDir) throws Exception {
        try (FixtureServer site = new FixtureServer()) {
            NewsflowConfig config = PipelineConfigs.forTest(kafka, dataDir, "e2e", Map.of(
                    "newsflow.ingest.start.urls", List.of(site.url("/ports.html"), site.url("/arctic.html"),
                            site.url("/missing.html"))));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.allOf(Stage.class), null, false)) {
                Map<String, String[]> rows = PipelineConfigs.awaitRows(dataDir,
                        List.of(site.url("/ports.html"), site.url("/arctic.html")), Duration.ofSeconds(90));
                String[] ports = rows.get(site.url("/ports.html"));
                assertEquals("Port authority approves night shifts", ports[0]);
                assertTrue(ports[1].startsWith("The harbour board voted on Monday"), ports[1]);
                assertTrue(ports[1].contains("\n\n"), "paragraphs are separated by a blank line");
                assertEquals("1", ports[2]);
                assertTrue(rows.get(site.url("/arctic.html"))[1].contains("Reykjavik"));
            }
        }
    }
}
