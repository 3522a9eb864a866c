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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: every kind of hostile server the crawler must survive, all at once against one crawler,
 * while it crawls a well-behaved host. The good host is crawled alone first for a baseline; beside
 * the hostile servers its fetch rate must not collapse (fall below a third of the baseline), and the
 * crawler must still be healthy afterwards. The one rate comparison is deliberately loose: it catches
 * fetch threads stuck on bad hosts, not scheduling noise.
 */
@Tag("reliability")
class HostileServersIT {

    private static final int GOOD_ARTICLES = 20;

    @Test
    @Timeout(240)
    void goodHostKeepsItsFetchRateBesideHostileServers(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = ReliabilityConfigs.broker(dir.resolve("kafka"), 0)) {
            double alone = crawlRate(kafka, dir.resolve("alone"), List.of());
            List<HostileServer> hostiles = Arrays.stream(HostileServer.Behaviour.values()).map(HostileServer::new).toList();
            try {
                double beside = crawlRate(kafka, dir.resolve("beside"), hostiles);
                String hits = hostiles.stream().map(h -> h.behaviour() + "=" + h.requests()).collect(Collectors.joining(","));
                System.out.printf("reliability {\"fault\":\"hostile-servers\",\"goodPagesPerSecondAlone\":%.1f,"
                        + "\"goodPagesPerSecondBesideHostile\":%.1f,\"hostileRequests\":\"%s\"}%n", alone, beside, hits);
                for (HostileServer hostile : hostiles) {
                    assertTrue(hostile.requests() > 0, hostile.behaviour() + " was never contacted: the test proves nothing");
                }
                assertTrue(beside >= alone / 3, "good host's fetch rate collapsed: " + beside + "/s beside hostile servers, "
                        + alone + "/s alone");
            } finally {
                hostiles.forEach(HostileServer::close);
            }
        }
    }

    /** Crawls a fresh good site (and the hostile servers' pages) and returns the good site's pages per second. */
    private static double crawlRate(EmbeddedKafka kafka, Path dataDir, List<HostileServer> hostiles) throws Exception {
        try (NewsSite good = new NewsSite(GOOD_ARTICLES)) {
            List<String> start = new ArrayList<>();
            for (HostileServer hostile : hostiles) {
                start.add(hostile.url("/news/first.html"));
                start.add(hostile.url("/news/second.html"));
            }
            start.addAll(good.urls());
            Map<String, Object> settings = new HashMap<>();
            settings.put("newsflow.ingest.start.urls", start);
            settings.put("newsflow.ingest.fetch.allow.private", true);
            // a polite 100 ms between requests to one host sets the good host's pace
            settings.put("newsflow.ingest.fetch.delay.ms", 100);
            settings.put("newsflow.ingest.fetch.connect.timeout.ms", 2000);
            settings.put("newsflow.ingest.fetch.read.timeout.ms", 3000);
            settings.put("newsflow.ingest.fetch.total.timeout.ms", 8000);
            try (RunningProcess process = RunningProcess.start(ReliabilityConfigs.pipeline(kafka, dataDir, settings),
                    EnumSet.of(Stage.INGEST), null, false)) {
                List<NewsSite.Request> fetched = Eventually.await("every good page fetched", Duration.ofSeconds(120),
                        () -> good.requests().stream().filter(r -> r.status() == 200).toList(),
                        r -> r.stream().map(NewsSite.Request::path).distinct().count() == GOOD_ARTICLES);
                int ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + process.httpPort() + "/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                assertEquals(200, ready, "the crawler is still healthy (/ready)");
                long first = fetched.get(0).atNanos();
                long last = fetched.get(fetched.size() - 1).atNanos();
                return (fetched.size() - 1) / ((last - first) / 1e9);
            }
        }
    }
}
