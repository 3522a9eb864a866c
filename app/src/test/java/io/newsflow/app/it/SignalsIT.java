package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.app.testing.CommandRun;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.sources.SourceHealthReader;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.record.Revision;
import io.newsflow.core.record.SourceHealth;
import io.newsflow.core.record.SourceStatus;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.topology.EnrichService;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Source health and stealth edits on a real broker, with the real ingest and enrich services crawling
 * a local site whose feeds go silent, fail or serve challenge pages, and whose article is edited.
 */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class SignalsIT {

    private record Response(int status, String type, String body, String etag) {
    }

    @TempDir
    Path dataDir;

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Response> routes = new ConcurrentHashMap<>();
    private final List<String> conditionalRequests = new CopyOnWriteArrayList<>();
    private HttpServer site;
    private final List<AutoCloseable> services = new ArrayList<>();

    @BeforeEach
    void startSite() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", this::answer);
        site.start();
        route("/robots.txt", 404, "text/plain", "", null);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable service : services) {
            service.close();
        }
        site.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Response response = routes.get(exchange.getRequestURI().getPath());
        String known = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (known != null) {
            conditionalRequests.add(exchange.getRequestURI().getPath() + " " + known);
        }
        if (response == null) {
            exchange.sendResponseHeaders(404, -1);
        } else if (response.etag() != null && response.etag().equals(known)) {
            exchange.sendResponseHeaders(304, -1);
        } else {
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.type());
            if (response.etag() != null) {
                exchange.getResponseHeaders().set("ETag", response.etag());
            }
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private void route(String path, int status, String type, String body, String etag) {
        routes.put(path, new Response(status, type, body, etag));
    }

    private String url(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    private String feed(String... paths) {
        StringBuilder items = new StringBuilder();
        for (String path : paths) {
            items.append("<item><title>t</title><link>").append(url(path)).append("</link></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>site</title><link>" + url("/")
                + "</link><description>d</description>" + items + "</channel></rss>";
    }

    private static String article(String title, String body) {
        String paragraph = "The harbour board voted on Monday to keep the port of Elsfleth open at night, after a year of "
                + "complaints from the shipping companies that use it and a long debate with the residents. ";
        return "<html lang=\"en\"><head><title>" + title + "</title>"
                + "<meta property=\"article:published_time\" content=\"2026-11-28T08:00:00Z\"></head><body><article><h1>" + title
                + "</h1><p>" + body + "</p>" + ("<p>" + paragraph + "</p>").repeat(4) + "</article></body></html>";
    }

    private static final String CHALLENGE = "<html><head><title>Just a moment...</title></head><body>"
            + "<div id=\"challenge-platform\"><p>Checking your browser before accessing the site.</p></div></body></html>";

    private void start(EmbeddedKafka kafka, List<Map<String, Object>> sources, Map<String, Object> enrich) throws Exception {
        Map<String, Object> values = new HashMap<>(enrich);
        values.put(IngestConfig.GROUP_ID, fetcherGroupFromLinksEnd(kafka));
        values.put(IngestConfig.SOURCES, sources);
        values.put(IngestConfig.FETCH_DELAY_MS, 50L);
        values.put(IngestConfig.SOURCE_BACKOFF_MAX_MS, 1000L);
        values.put(EnrichConfig.COMMIT_INTERVAL_MS, 100L);
        NewsflowConfig config = PipelineConfigs.forTest(kafka, dataDir, "signals", values);
        EnrichService enrichService = new EnrichService(new EnrichConfig(config), config.kafkaClientProperties(), new SimpleMeterRegistry());
        services.add(0, enrichService);
        enrichService.start();
        IngestService ingest = new IngestService(new IngestConfig(config), config.kafkaClientProperties(), new SimpleMeterRegistry(),
                Clock.systemUTC());
        services.add(0, ingest);
        ingest.start();
    }

    /** A fetcher group that starts at the end of newsflow.links, so links other tests left are not fetched. */
    private static String fetcherGroupFromLinksEnd(EmbeddedKafka kafka) throws Exception {
        String group = "ingest-signals-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(List.of(Topics.LINKS.name())).allTopicNames().get().get(Topics.LINKS.name()).partitions()
                    .forEach(p -> request.put(new TopicPartition(Topics.LINKS.name(), p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((p, info) -> start.put(p, new OffsetAndMetadata(info.offset())));
            admin.alterConsumerGroupOffsets(group, start).all().get();
        }
        return group;
    }

    @Test
    @Timeout(120)
    void sourcesThatGoSilentFailOrServeChallengesAreListedWorstFirst(EmbeddedKafka kafka) throws Exception {
        String silent = "silent-" + unique;
        String failing = "failing-" + unique;
        String walled = "walled-" + unique;
        route("/silent.xml", 200, "application/rss+xml", feed("/s/1.html"), null);
        route("/s/1.html", 200, "text/html", article("Port stays open", "The vote."), null);
        route("/failing.xml", 200, "application/rss+xml", feed("/f/1.html"), null);
        route("/f/1.html", 200, "text/html", article("Port closes", "The other vote."), null);
        route("/walled.xml", 200, "application/rss+xml", feed("/w/1.html", "/w/2.html", "/w/3.html"), null);
        for (int i = 1; i <= 3; i++) {
            route("/w/" + i + ".html", 200, "text/html", CHALLENGE, null);
        }
        start(kafka, List.of(source(silent, "/silent.xml"), source(failing, "/failing.xml"), source(walled, "/walled.xml")),
                Map.of(EnrichConfig.HEALTH_INTERVAL_MS, 300L, EnrichConfig.HEALTH_SILENT_AFTER_MS, 15_000L,
                        EnrichConfig.HEALTH_FAILING_STREAK, 2, EnrichConfig.HEALTH_BLOCKED_MIN_PAGES, 2));

        Map<String, SourceHealth> first = awaitStatuses(kafka, Map.of(silent, SourceStatus.OK, failing, SourceStatus.OK,
                walled, SourceStatus.BLOCKED));
        assertEquals(1.0, first.get(walled).blockedShare());
        route("/failing.xml", 500, "text/plain", "", null);

        Map<String, SourceHealth> later = awaitStatuses(kafka, Map.of(silent, SourceStatus.SILENT, failing, SourceStatus.FAILING,
                walled, SourceStatus.BLOCKED));
        assertEquals(500, later.get(failing).lastHttpStatus());
        assertTrue(later.get(failing).errorStreak() >= 2);

        CommandRun sources = CommandRun.of("sources", "--kafka-bootstrap", kafka.bootstrapServers());
        assertEquals(0, sources.exitCode(), sources.err());
        String listing = sources.out();
        assertTrue(listing.indexOf(failing) < listing.indexOf(walled) && listing.indexOf(walled) < listing.indexOf(silent),
                "worst first:\n" + listing);
    }

    @Test
    @Timeout(120)
    void anArticleEditedAfterPublicationIsRevisitedAndPublishesARevision(EmbeddedKafka kafka) throws Exception {
        String story = "/e/" + unique + ".html";
        route("/edits.xml", 200, "application/rss+xml", feed(story), null);
        route(story, 200, "text/html", article("Port stays open", "The board voted to keep it open."), "\"v1\"");
        try (KafkaConsumer<String, Revision> revisions = consumerAtEnd(kafka)) {
            start(kafka, List.of(source("edits-" + unique, "/edits.xml")),
                    Map.of(EnrichConfig.REVISIT_SCHEDULE, "3s,6s,9s", EnrichConfig.REVISIT_CHECK_MS, 200L));
            awaitConditional(story + " \"v1\"");
            route(story, 200, "text/html", article("Port closes at night", "The board voted to close it at night."), "\"v2\"");

            Revision revision = awaitRevision(revisions, url(story));
            assertEquals("Port stays open", revision.changes().title().before());
            assertEquals("Port closes at night", revision.changes().title().after());
            assertEquals(1, revision.changes().paragraphsChanged().size());
            assertEquals(revision.oldVersion() + 1, revision.newVersion());
        }
    }

    private Map<String, Object> source(String name, String path) {
        return Map.of("name", name, "type", "feed", "url", url(path), "interval.ms", 300);
    }

    private Map<String, SourceHealth> awaitStatuses(EmbeddedKafka kafka, Map<String, SourceStatus> expected) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        Map<String, SourceHealth> seen = new HashMap<>();
        Awaitility.await("source statuses " + expected).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    seen.clear();
                    for (SourceHealth health : SourceHealthReader.read(props, Duration.ofSeconds(10))) {
                        seen.put(health.source(), health);
                    }
                    return expected.entrySet().stream()
                            .allMatch(e -> seen.containsKey(e.getKey()) && seen.get(e.getKey()).status() == e.getValue());
                });
        return Map.copyOf(seen);
    }

    private void awaitConditional(String request) {
        Awaitility.await("a conditional revisit " + request).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> conditionalRequests.contains(request));
    }

    private static KafkaConsumer<String, Revision> consumerAtEnd(EmbeddedKafka kafka) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, Revision> consumer = new KafkaConsumer<>(props, Topics.REVISIONS.keySerde().deserializer(),
                Topics.REVISIONS.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REVISIONS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static Revision awaitRevision(KafkaConsumer<String, Revision> consumer, String url) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, Revision> record : consumer.poll(Duration.ofMillis(300))) {
                if (record.value().url().equals(url)) {
                    return record.value();
                }
            }
        }
        throw new AssertionError("no revision of " + url);
    }
}
