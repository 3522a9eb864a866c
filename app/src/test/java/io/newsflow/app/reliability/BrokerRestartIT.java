package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.lifecycle.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fault: the broker stops mid-stream and starts again on the same data directory and port. */
@Tag("reliability")
class BrokerRestartIT {

    private static final int ARTICLES = 40;

    @Test
    @Timeout(240)
    void everyArticleIsStoredOnceAtItsLatestRevisionAcrossABrokerRestart(@TempDir Path dir) throws Exception {
        int port = ReliabilityConfigs.freePort();
        Path logDir = dir.resolve("kafka");
        EmbeddedKafka broker = ReliabilityConfigs.broker(logDir, port);
        try (NewsSite site = new NewsSite(ARTICLES)) {
            // a few seconds of crawling, so the restart falls in the middle of it
            site.delay(Duration.ofMillis(60));
            var config = ReliabilityConfigs.pipeline(broker, dir.resolve("data"), site.crawlSettings());
            try (RunningProcess process = RunningProcess.start(config, EnumSet.allOf(Stage.class), null, false)) {
                Eventually.await("the first articles stored", Duration.ofSeconds(90),
                        () -> StoredArticles.sqlite(dir.resolve("data")), rows -> rows.size() >= 5);

                broker.close();
                // revised while the broker is down: the pipeline must still end at these revisions
                IntStream.of(0, 1, 2, ARTICLES - 2, ARTICLES - 1).forEach(site::revise);
                broker = EmbeddedKafka.start(logDir, port, ReliabilityConfigs.MAX_MESSAGE_BYTES);
                assertEquals(port, broker.port());

                Map<String, String> expected = IntStream.range(0, ARTICLES).boxed()
                        .collect(Collectors.toMap(site::url, site::marker));
                List<StoredArticles.Row> rows = Eventually.await("every article at its latest revision",
                        Duration.ofSeconds(150), () -> StoredArticles.sqlite(dir.resolve("data")),
                        r -> StoredArticles.atLatest(r, expected) == ARTICLES);
                long topicDuplicates = TopicLog.articleDuplicates(broker.bootstrapServers(), new HashSet<>(site.urls()));
                FinalState state = FinalState.of("broker-restart", expected, rows, topicDuplicates);
                state.assertExactlyOnceAtLatest();
                assertEquals(0, topicDuplicates, "article records published twice for the same content");
            }
        } finally {
            broker.close();
        }
    }
}
