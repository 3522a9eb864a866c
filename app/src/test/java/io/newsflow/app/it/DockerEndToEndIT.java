package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The end-to-end test against the {@code apache/kafka} image instead of the embedded broker. Runs
 * where a Docker engine exists; skipped, not failed, where none does.
 */
@Tag("integration")
@Testcontainers(disabledWithoutDocker = true)
class DockerEndToEndIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Test
    @Timeout(180)
    void fetchedPagesArriveAsArticleRowsInSqlite(@TempDir Path dataDir) throws Exception {
        Properties admin = new Properties();
        admin.put("bootstrap.servers", KAFKA.getBootstrapServers());
        TopicBootstrap.ensureTopics(admin, CommonConfig.DEFAULT_PAGE_MAX_BYTES);
        try (FixtureServer site = new FixtureServer()) {
            NewsflowConfig config = NewsflowConfig.of(Map.of(
                    CommonConfig.BOOTSTRAP_SERVERS, KAFKA.getBootstrapServers(),
                    CommonConfig.DATA_DIR, dataDir.toString(),
                    CommonConfig.HTTP_PORT, 0,
                    "newsflow.ingest.start.urls", List.of(site.url("/ports.html"))));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.allOf(Stage.class), null, false)) {
                Map<String, String[]> rows = PipelineConfigs.awaitRows(dataDir, 1, Duration.ofSeconds(120));
                assertEquals("Port authority approves night shifts", rows.get(site.url("/ports.html"))[0]);
            }
        }
    }
}
