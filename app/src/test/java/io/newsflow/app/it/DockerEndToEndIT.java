package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.app.docker.LocalImages;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The end-to-end test against a real Kafka broker in a container (the locally built
 * {@code newsflow/kafka} image) instead of the embedded broker. Skipped, with the reason, where no
 * Docker engine runs or the image was not built.
 */
@Tag("integration")
class DockerEndToEndIT {

    private static KafkaContainer kafka;

    @BeforeAll
    static void startBroker() {
        kafka = new KafkaContainer(LocalImages.assumeBuilt(LocalImages.KAFKA));
        kafka.start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    @Timeout(180)
    void fetchedPagesArriveAsArticleRowsInSqlite(@TempDir Path dataDir) throws Exception {
        Properties admin = new Properties();
        admin.put("bootstrap.servers", kafka.getBootstrapServers());
        TopicBootstrap.ensureTopics(admin, CommonConfig.DEFAULT_PAGE_MAX_BYTES);
        try (FixtureServer site = new FixtureServer()) {
            NewsflowConfig config = NewsflowConfig.of(Map.of(
                    CommonConfig.BOOTSTRAP_SERVERS, kafka.getBootstrapServers(),
                    CommonConfig.DATA_DIR, dataDir.toString(),
                    CommonConfig.HTTP_PORT, 0,
                    "newsflow.ingest.start.urls", List.of(site.url("/ports.html")),
                    // the fixture site is on loopback, which the crawler refuses unless told otherwise
                    "newsflow.ingest.fetch.allow.private", true));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.allOf(Stage.class), null, false)) {
                Map<String, String[]> rows = PipelineConfigs.awaitRows(dataDir, 1, Duration.ofSeconds(120));
                assertEquals("Port authority approves night shifts", rows.get(site.url("/ports.html"))[0]);
            }
        }
    }
}
