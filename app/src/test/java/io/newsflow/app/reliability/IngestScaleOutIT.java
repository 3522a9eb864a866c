package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.app.testing.TopicContents;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.topic.Topics;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three ingest instances with one config (two in this JVM, one {@code newsflow ingest} process) crawl
 * sites on distinct loopback addresses. Each site must see one polite crawler: its feed polled about
 * once per interval cluster-wide, never two requests at once. Then the process is killed (SIGKILL):
 * its hosts, sources included, carry on at the others, and every article ends up published.
 */
@Tag("integration")
class IngestScaleOutIT {

    private static final String GROUP = "newsflow-ingest-scale";
    private static final long INTERVAL_MS = 3_000;
    private static final Pattern SOURCE_POLLS = Pattern.compile("newsflow_source_polls_total\\{[^}]*outcome=\"ok\"[^}]*} ([0-9.E]+)");

    @TempDir
    Path dir;

    @Test
    @Timeout(400)
    void threeInstancesShareTheHostsAndSurviveAKill() throws Exception {
        try (EmbeddedKafka kafka = ReliabilityConfigs.broker(dir.resolve("kafka"), 0);
                LoopbackNewsHosts hosts = new LoopbackNewsHosts(10, TopicBootstrap.PARTITIONS, 2, 3)) {
            List<Map<String, Object>> sources = new ArrayList<>();
            for (int i = 0; i < hosts.sites.size(); i++) {
                sources.add(Map.of("name", "site-" + i, "type", "feed", "url", hosts.sites.get(i).feed(), "interval.ms", INTERVAL_MS));
            }
            Map<String, Object> shared = new LinkedHashMap<>();
            shared.put(IngestConfig.GROUP_ID, GROUP);
            shared.put(IngestConfig.SOURCES, sources);
            shared.put(IngestConfig.ALLOW_PRIVATE, true);
            shared.put(IngestConfig.FETCH_DELAY_MS, 200L);
            shared.put(IngestConfig.FETCH_THREADS, 4);
            shared.putAll(ReliabilityConfigs.SHORT_SESSIONS);
            Path config = dir.resolve("ingest.yaml");
            new ObjectMapper(new YAMLFactory()).writeValue(config.toFile(), shared);

            long started = System.nanoTime();
            try (ChildJvm doomed = ChildJvm.newsflow(dir.resolve("doomed.log"), "ingest", "--config", config.toString(),
                    "--kafka-bootstrap", kafka.bootstrapServers(), "--data-dir", dir.resolve("doomed").toString(), "--http-port", "0")) {
                int doomedHttp = doomed.awaitRunning(Duration.ofSeconds(120));
                NewsflowConfig first = ReliabilityConfigs.pipeline(kafka, dir.resolve("first"), shared);
                NewsflowConfig second = ReliabilityConfigs.pipeline(kafka, dir.resolve("second"), shared);
                try (IngestService a = new IngestService(new IngestConfig(first), first.kafkaClientProperties(), new SimpleMeterRegistry(),
                                Clock.systemUTC());
                        IngestService b = new IngestService(new IngestConfig(second), second.kafkaClientProperties(),
                                new SimpleMeterRegistry(), Clock.systemUTC())) {
                    a.start();
                    b.start();
                    awaitMembersWithPartitions(kafka, 3);
                    Eventually.await("the process polling the feeds of its hosts", Duration.ofSeconds(60),
                            () -> sourcePolls(doomedHttp), polls -> polls > 0);
                    for (int round = 0; round < 2; round++) {
                        Thread.sleep(INTERVAL_MS);
                        hosts.publishOneMore();
                    }
                    doomed.kill();
                    for (int round = 0; round < 3; round++) {
                        Thread.sleep(INTERVAL_MS);
                        hosts.publishOneMore();
                    }
                    Eventually.await("every article of every site fetched after the kill", Duration.ofSeconds(120),
                            () -> hosts.sites.stream().filter(s -> !s.allFetched()).count(), left -> left == 0);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;

            Set<String> articles = new HashSet<>();
            for (LoopbackNewsHosts.Site site : hosts.sites) {
                assertEquals(1, site.maxInFlight.get(), site.base + ": never two requests in flight at once");
                for (int i = 0; i < site.published.get(); i++) {
                    articles.add(site.article(i));
                }
                List<Long> polls = site.feedPolls;
                for (int i = 1; i < polls.size(); i++) {
                    long gapMs = (polls.get(i) - polls.get(i - 1)) / 1_000_000;
                    assertTrue(gapMs >= INTERVAL_MS * 8 / 10, site.base + ": feed polled again after " + gapMs + " ms, interval "
                            + INTERVAL_MS + " (all polls: " + polls.size() + ")");
                }
                assertTrue(polls.size() >= 4, site.base + ": its feed kept being polled, " + polls.size() + " polls in " + seconds + " s");
                assertTrue(site.fetchedTwice().size() <= 1,
                        site.base + ": at most the fetch in flight at the kill is repeated: " + site.fetchedTwice());
            }
            Map<String, Integer> pages = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : TopicContents.read(kafka.bootstrapServers(), Topics.PAGES.name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                pages.merge(new String(record.key(), StandardCharsets.UTF_8), 1, Integer::sum);
            }
            assertEquals(articles, pages.keySet(), "every article published");
            long repeated = pages.values().stream().filter(n -> n > 1).count();
            System.out.printf("reliability {\"fault\":\"ingest-instance-killed\",\"sites\":%d,\"articles\":%d,\"pagesPublishedTwice\":%d}%n",
                    hosts.sites.size(), articles.size(), repeated);
            assertTrue(repeated <= hosts.sites.size() / 2, "only fetches in flight at the kill repeat: " + repeated);
        }
    }

    private static void awaitMembersWithPartitions(EmbeddedKafka kafka, int members) throws Exception {
        try (Admin admin = Admin.create(ReliabilityConfigs.clientProperties(kafka))) {
            Eventually.await(members + " ingest instances assigned partitions", Duration.ofSeconds(90), () -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
                return group.members().stream()
                        .filter(m -> m.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(Topics.LINKS.name())))
                        .count();
            }, n -> n == members);
        }
    }

    private static double sourcePolls(int httpPort) throws Exception {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = SOURCE_POLLS.matcher(metrics.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
