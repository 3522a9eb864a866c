package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the whole {@code newsflow up} process (broker, stages, SQLite) is killed with SIGKILL
 * mid-crawl and started again on the same data directory.
 */
@Tag("reliability")
class UpProcessKillIT {

    private static final int ARTICLES = 30;

    @Test
    @Timeout(300)
    void restartedProcessLosesNothingAndRefetchesNothingStoredUnchanged(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        String kafkaPort = String.valueOf(ReliabilityConfigs.freePort());
        try (NewsSite site = new NewsSite(ARTICLES)) {
            site.delay(Duration.ofMillis(150));
            Path config = dir.resolve("newsflow.yaml");
            Map<String, Object> settings = new HashMap<>(site.crawlSettings());
            // at Kafka's default session, a loaded machine took the restarted process past the wait below
            settings.putAll(ReliabilityConfigs.SHORT_SESSIONS);
            new ObjectMapper(new YAMLFactory()).writeValue(config.toFile(), settings);
            String[] up = {"up", "--kafka-port", kafkaPort, "--http-port", "0", "--data-dir", data.toString(),
                "--config", config.toString()};

            Set<String> storedBeforeKill;
            try (ChildJvm first = ChildJvm.newsflow(dir.resolve("first.log"), up)) {
                first.awaitRunning(Duration.ofSeconds(90));
                Eventually.await("the first articles stored", Duration.ofSeconds(90),
                        () -> StoredArticles.sqlite(data), rows -> rows.size() >= 5);
                first.kill();
            }
            storedBeforeKill = StoredArticles.sqlite(data).stream().map(StoredArticles.Row::url)
                    .collect(Collectors.toCollection(TreeSet::new));
            // two stored articles change while the process is down: those must be fetched again
            site.revise(0);
            site.revise(1);
            int requestsBeforeRestart = site.requests().size();

            try (ChildJvm second = ChildJvm.newsflow(dir.resolve("second.log"), up)) {
                second.awaitRunning(Duration.ofSeconds(90));
                Map<String, String> expected = IntStream.range(0, ARTICLES).boxed()
                        .collect(Collectors.toMap(site::url, site::marker));
                List<StoredArticles.Row> rows = Eventually.await("every article at its latest revision",
                        Duration.ofSeconds(120), () -> StoredArticles.sqlite(data),
                        r -> StoredArticles.atLatest(r, expected) == ARTICLES);

                Set<String> unchanged = new TreeSet<>(storedBeforeKill);
                unchanged.remove(site.url(0));
                unchanged.remove(site.url(1));
                List<NewsSite.Request> afterRestart = site.requests().subList(requestsBeforeRestart, site.requests().size());
                Set<String> refetched = afterRestart.stream()
                        .filter(r -> r.status() == 200)
                        .map(site::url)
                        .filter(unchanged::contains)
                        .collect(Collectors.toCollection(TreeSet::new));
                FinalState state = FinalState.of("up-killed", expected, rows, 0);
                System.out.printf("reliability {\"fault\":\"up-killed\",\"storedBeforeKill\":%d,\"requestsAfterRestart\":%d,"
                        + "\"refetchedUnchanged\":%d}%n", storedBeforeKill.size(), afterRestart.size(), refetched.size());
                state.assertExactlyOnceAtLatest();
                assertEquals(Set.of(), refetched, "articles stored unchanged before the kill were downloaded again");
            }
        }
    }
}
