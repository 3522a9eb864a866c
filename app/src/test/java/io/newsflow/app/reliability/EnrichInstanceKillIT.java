package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.lifecycle.Stage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: one of two enrich instances is killed with SIGKILL while pages stream in. Its open
 * transaction must be aborted and its partitions' work redone by the survivor exactly once.
 */
@Tag("reliability")
class EnrichInstanceKillIT {

    private static final String HOST = "enrich-kill.example";
    private static final String APP_ID = "newsflow-enrich";
    private static final int ARTICLES = 200;
    private static final int REVISED = 20;
    private static final Pattern STREAM_THREAD = Pattern.compile("-StreamThread-[0-9]+-consumer$");
    private static final Pattern ENRICHED = Pattern.compile("newsflow_enrich_records_total\\{[^}]*outcome=\"article\"[^}]*} ([0-9.E]+)");

    @Test
    @Timeout(300)
    void survivorPublishesEveryArticleExactlyOnce(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = ReliabilityConfigs.broker(dir.resolve("kafka"), 0);
                PagePublisher pages = new PagePublisher(kafka.bootstrapServers())) {
            Map<String, Object> shared = new HashMap<>(ReliabilityConfigs.SHORT_SESSIONS);
            shared.put("newsflow.enrich.application.id", APP_ID);
            // both share the application id's client id by default; an operator names instances apart
            // with newsflow.kafka.client.id, which is how the group's members are told apart below
            Path config = dir.resolve("enrich.yaml");
            Files.writeString(config, shared.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue() + "\n")
                    .collect(Collectors.joining()) + "newsflow.kafka.client.id: enrich-doomed\n");
            try (ChildJvm doomed = ChildJvm.newsflow(dir.resolve("doomed.log"), "enrich", "--config", config.toString(),
                    "--kafka-bootstrap", kafka.bootstrapServers(), "--data-dir", dir.resolve("doomed").toString(),
                    "--http-port", "0")) {
                int doomedHttp = doomed.awaitRunning(Duration.ofSeconds(90));
                Map<String, Object> survivorValues = new HashMap<>(shared);
                survivorValues.put("newsflow.kafka.client.id", "enrich-survivor");
                var survivorConfig = ReliabilityConfigs.pipeline(kafka, dir.resolve("survivor"), survivorValues);
                try (RunningProcess survivor = RunningProcess.start(survivorConfig, EnumSet.of(Stage.ENRICH, Stage.SINK),
                        null, false)) {
                    awaitTwoMembersWithPartitions(kafka);
                    CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> publishAll(pages));
                    Eventually.await("the first articles stored", Duration.ofSeconds(90),
                            () -> StoredArticles.sqlite(dir.resolve("survivor")), rows -> rows.size() >= 30);
                    double enrichedByDoomed = enrichedCount(doomedHttp);
                    doomed.kill();
                    stream.get(120, TimeUnit.SECONDS);

                    Map<String, String> expected = IntStream.range(0, ARTICLES).boxed().collect(Collectors.toMap(
                            i -> PagePublisher.url(HOST, i), i -> NewsSite.marker(i, i < REVISED ? 2 : 1)));
                    List<StoredArticles.Row> rows = Eventually.await("every article at its latest revision",
                            Duration.ofSeconds(120), () -> StoredArticles.sqlite(dir.resolve("survivor")),
                            r -> StoredArticles.atLatest(r, expected) == ARTICLES);
                    long topicDuplicates = TopicLog.articleDuplicates(kafka.bootstrapServers(), expected.keySet());
                    System.out.printf("reliability {\"fault\":\"enrich-killed\",\"enrichedByKilledInstance\":%.0f}%n",
                            enrichedByDoomed);
                    FinalState.of("enrich-killed", expected, rows, topicDuplicates).assertExactlyOnceAtLatest();
                    assertTrue(enrichedByDoomed > 0, "the killed instance had done part of the work");
                    assertEquals(0, topicDuplicates, "article records published twice: exactly-once broken");
                }
            }
        }
    }

    /** First every article, then a second revision of some: the survivor must end at the latest. */
    private static void publishAll(PagePublisher pages) {
        try {
            for (int i = 0; i < ARTICLES; i++) {
                pages.publish(HOST, i, 1);
                // a steady stream rather than one burst, so the kill lands while records are in flight
                Thread.sleep(15);
            }
            for (int i = 0; i < REVISED; i++) {
                pages.publish(HOST, i, 2);
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing pages failed", e);
        }
    }

    private static void awaitTwoMembersWithPartitions(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(ReliabilityConfigs.clientProperties(kafka))) {
            // each instance runs several stream threads, each a group member named after its instance
            Eventually.await("both enrich instances assigned partitions", Duration.ofSeconds(90), () -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(APP_ID)).all().get().get(APP_ID);
                return group.members().stream()
                        .filter(m -> m.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals("newsflow.pages")))
                        .map(m -> STREAM_THREAD.matcher(m.clientId()).replaceFirst(""))
                        .distinct()
                        .count();
            }, instances -> instances == 2);
        }
    }

    private static double enrichedCount(int httpPort) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = ENRICHED.matcher(metrics.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
