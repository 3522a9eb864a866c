package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Link;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.HostKey;
import io.newsflow.core.topic.Topics;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.ingest.fetch.HostPartitioner;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The crawler on a real broker: consumer-group scale-out, hand-over, seen-set, hostile hosts. */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class CrawlerIT {

    @TempDir
    Path dataDir;

    /**
     * A new fetcher group that starts at the current end of {@code newsflow.links}, so links other
     * tests left on the shared broker neither get fetched nor count as handled.
     */
    private static String group(EmbeddedKafka kafka) throws Exception {
        return groupFrom(kafka, linksEnd(kafka));
    }

    private static Map<TopicPartition, Long> linksEnd(EmbeddedKafka kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            admin.describeTopics(List.of(Topics.LINKS.name())).allTopicNames().get().get(Topics.LINKS.name()).partitions()
                    .forEach(p -> request.put(new TopicPartition(Topics.LINKS.name(), p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(request).all().get().forEach((p, info) -> end.put(p, info.offset()));
            return end;
        }
    }

    private static String groupFrom(EmbeddedKafka kafka, Map<TopicPartition, Long> offsets) throws Exception {
        String group = "ingest-" + UUID.randomUUID().toString().substring(0, 8);
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        offsets.forEach((p, o) -> start.put(p, new OffsetAndMetadata(o)));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(group, start).all().get();
        }
        return group;
    }

    /** Fast politeness and small limits, so the tests finish in seconds. */
    private Map<String, Object> crawl(EmbeddedKafka kafka, String group, List<Map<String, Object>> sources, Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>();
        values.put(IngestConfig.GROUP_ID, group);
        values.put(IngestConfig.SOURCES, sources);
        values.put(IngestConfig.FETCH_DELAY_MS, 100L);
        values.put(IngestConfig.FETCH_THREADS, 4);
        values.put(IngestConfig.CONNECT_TIMEOUT_MS, 1000);
        values.put(IngestConfig.READ_TIMEOUT_MS, 1000);
        values.put(IngestConfig.TOTAL_TIMEOUT_MS, 2000);
        values.put(IngestConfig.BACKOFF_MS, 200L);
        values.put(IngestConfig.BACKOFF_MAX_MS, 1000L);
        values.putAll(extra);
        return values;
    }

    /** An instance with a data dir of its own, as on a machine of its own. */
    private IngestService start(EmbeddedKafka kafka, Map<String, Object> values, MeterRegistry registry) {
        return start(kafka, dataDir.resolve(UUID.randomUUID().toString()), values, registry);
    }

    private IngestService start(EmbeddedKafka kafka, Path dir, Map<String, Object> values, MeterRegistry registry) {
        IngestConfig config = new IngestConfig(PipelineConfigs.forTest(kafka, dir, "crawl", values));
        IngestService service = new IngestService(config, PipelineConfigs.forTest(kafka, dir, "crawl", values).kafkaClientProperties(),
                registry, Clock.systemUTC());
        service.start();
        return service;
    }

    private static List<Map<String, Object>> feedAndRobots(CrawlSite... sites) {
        List<Map<String, Object>> sources = new ArrayList<>();
        for (CrawlSite site : sites) {
            sources.add(Map.of("name", "feed", "type", "feed", "url", site.url("/feed.xml")));
            sources.add(Map.of("name", "robots", "type", "robots", "url", site.url("/robots.txt")));
        }
        return sources;
    }

    private static double sum(MeterRegistry registry, String name, String tag, String value) {
        Search search = Search.in(registry).name(name);
        if (value != null) {
            search = search.tag(tag, value);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Every link the instances published has been fetched or skipped. */
    private static boolean drained(MeterRegistry... registries) {
        double published = 0;
        double handled = 0;
        for (MeterRegistry r : registries) {
            published += sum(r, MetricNames.LINKS_DISCOVERED, MetricNames.TAG_OUTCOME, "published");
            handled += sum(r, MetricNames.FETCH_PAGES, null, null) + sum(r, MetricNames.FETCH_SKIPPED, null, null);
        }
        return published > 0 && handled >= published;
    }

    private static void await(Duration timeout, String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }

    @Test
    @Timeout(120)
    void twoInstancesFetchEveryArticleOnceAndNeverOneHostTogether(EmbeddedKafka kafka) throws Exception {
        CrawlSite[] sites = {new CrawlSite(8, 30), new CrawlSite(8, 30), new CrawlSite(8, 30)};
        String group = group(kafka);
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        Map<String, Object> values = crawl(kafka, group, feedAndRobots(sites), Map.of());
        try (IngestService a = start(kafka, values, first); IngestService b = start(kafka, values, second)) {
            await(Duration.ofSeconds(90), "every article fetched and every link handled",
                    () -> Arrays.stream(sites).allMatch(s -> s.articlesFetched() == 8) && drained(first, second));
        } finally {
            Arrays.stream(sites).forEach(CrawlSite::close);
        }
        for (CrawlSite site : sites) {
            assertEquals(List.of(), site.articlesFetchedTwice(), "each article is fetched exactly once");
            assertEquals(1, site.maxConcurrentArticleRequests(), "a host is fetched by one worker of one instance at a time");
        }
        assertTrue(sum(first, MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, "ok") > 0
                || sum(second, MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, "ok") > 0);
    }

    @Test
    @Timeout(120)
    void whenOneInstanceStopsMidCrawlTheOtherFinishes(EmbeddedKafka kafka) throws Exception {
        CrawlSite[] sites = {new CrawlSite(15, 20), new CrawlSite(15, 20)};
        String group = group(kafka);
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        Map<String, Object> values = crawl(kafka, group, feedAndRobots(sites), Map.of());
        try (IngestService survivor = start(kafka, values, second)) {
            IngestService leaving = start(kafka, values, first);
            await(Duration.ofSeconds(60), "the crawl under way",
                    () -> Arrays.stream(sites).mapToInt(CrawlSite::articlesFetched).sum() >= 6);
            leaving.close();
            await(Duration.ofSeconds(90), "the survivor finishing the crawl",
                    () -> Arrays.stream(sites).allMatch(s -> s.articlesFetched() == 15) && drained(first, second));
        } finally {
            Arrays.stream(sites).forEach(CrawlSite::close);
        }
        for (CrawlSite site : sites) {
            assertEquals(List.of(), site.articlesFetchedTwice(), "the hand-over refetches nothing");
            assertEquals(1, site.maxConcurrentArticleRequests());
        }
    }

    @Test
    @Timeout(180)
    void aRestartedCrawlerAndOneOnANewMachineFetchNothingAlreadyFetched(EmbeddedKafka kafka) throws Exception {
        try (CrawlSite site = new CrawlSite(4, 0)) {
            Map<TopicPartition, Long> beforeFirstCrawl = linksEnd(kafka);
            Path machine = dataDir.resolve("machine");
            SimpleMeterRegistry before = new SimpleMeterRegistry();
            try (IngestService crawler = start(kafka, machine, crawl(kafka, groupFrom(kafka, beforeFirstCrawl), feedAndRobots(site), Map.of()), before)) {
                await(Duration.ofSeconds(60), "the first crawl", () -> site.articlesFetched() == 4 && drained(before));
            }
            // new groups re-read the first crawl's links: only the crawler state stops refetches
            SimpleMeterRegistry restarted = new SimpleMeterRegistry();
            try (IngestService again = start(kafka, machine, crawl(kafka, groupFrom(kafka, beforeFirstCrawl), feedAndRobots(site), Map.of()),
                    restarted)) {
                await(Duration.ofSeconds(60), "the old links skipped as known on the local state",
                        () -> sum(restarted, MetricNames.FETCH_SKIPPED, MetricNames.TAG_REASON, "known") >= 4);
            }
            SimpleMeterRegistry fresh = new SimpleMeterRegistry();
            try (IngestService elsewhere = start(kafka, dataDir.resolve("new-machine"),
                    crawl(kafka, groupFrom(kafka, beforeFirstCrawl), feedAndRobots(site), Map.of()), fresh)) {
                await(Duration.ofSeconds(60), "the old links skipped as known on the state restored from the topic",
                        () -> sum(fresh, MetricNames.FETCH_SKIPPED, MetricNames.TAG_REASON, "known") >= 4);
            }
            for (SimpleMeterRegistry later : List.of(restarted, fresh)) {
                assertEquals(0.0, sum(later, MetricNames.LINKS_DISCOVERED, MetricNames.TAG_OUTCOME, "published"),
                        "rediscovered articles are known, so not published again");
                assertEquals(0.0, sum(later, MetricNames.FETCH_PAGES, null, null), "nothing fetched again");
            }
            assertEquals(List.of(), site.articlesFetchedTwice());
        }
    }

    @Test
    @Timeout(120)
    void anUnchangedRefetchAndACanonicalDuplicatePublishNothing(EmbeddedKafka kafka) throws Exception {
        try (CrawlSite site = new CrawlSite(1, 0)) {
            site.page("/story.html", "<html><head><link rel=canonical href='/story.html'><title>Story</title></head><p>Once.</p></html>");
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            Map<String, Object> values = crawl(kafka, group(kafka),
                    List.of(Map.of("name", "feed", "type", "feed", "url", site.url("/feed.xml"), "interval.ms", 300)),
                    Map.of(IngestConfig.REFETCH_INTERVAL_MS, 0L, IngestConfig.RETRY_INTERVAL_MS, 0L,
                            IngestConfig.START_URLS, List.of(site.url("/story.html?print=1"), site.url("/story.html"))));
            try (IngestService crawler = start(kafka, values, registry)) {
                await(Duration.ofSeconds(60), "the article refetched unchanged",
                        () -> sum(registry, MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, "unchanged") >= 2
                                && site.hits("/news/article-0.html") >= 3);
            }
            String article = site.url("/news/article-0.html");
            assertEquals(1, PagesTopic.read(kafka, article::equals).size(), "one page, however often it is refetched");
            List<Page> story = PagesTopic.read(kafka, key -> key.startsWith(site.url("/story.html")));
            assertEquals(1, story.size(), "the print view is a duplicate of its canonical page");
            assertEquals(site.url("/story.html"), story.get(0).canonicalUrl());
        }
    }

    @Test
    @Timeout(120)
    void hostileHostsDoNotHoldUpTheOthers(EmbeddedKafka kafka) throws Exception {
        CountDownLatch closing = new CountDownLatch(1);
        HttpServer hostile = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        hostile.setExecutor(Executors.newCachedThreadPool());
        hostile.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                switch (path) {
                    case "/robots.txt" -> exchange.sendResponseHeaders(404, -1);
                    case "/hang.html" -> closing.await();
                    case "/trickle.html" -> {
                        exchange.getResponseHeaders().set("Content-Type", "text/html");
                        exchange.sendResponseHeaders(200, 100_000);
                        OutputStream out = exchange.getResponseBody();
                        for (int i = 0; i < 100_000 && closing.getCount() > 0; i++) {
                            out.write('x');
                            out.flush();
                            Thread.sleep(300); // the hostile server's pace
                        }
                    }
                    case "/binary.html" -> {
                        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
                        exchange.getResponseHeaders().set("Content-Type", "text/html");
                        exchange.sendResponseHeaders(200, png.length);
                        exchange.getResponseBody().write(png);
                    }
                    case "/huge.html" -> {
                        exchange.getResponseHeaders().set("Content-Type", "text/html");
                        exchange.sendResponseHeaders(200, 50L * 1024 * 1024);
                        byte[] block = new byte[64 * 1024];
                        Arrays.fill(block, (byte) 'a');
                        OutputStream out = exchange.getResponseBody();
                        for (int i = 0; i < 800; i++) {
                            out.write(block);
                        }
                    }
                    case "/links.html" -> {
                        byte[] body = "<a href='http://127.0.0.1:1/admin'>a</a><a href='http://169.254.169.254/latest/meta-data/'>m</a>"
                                .getBytes(StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().set("Content-Type", "text/html");
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                    }
                    default -> exchange.sendResponseHeaders(404, -1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                // the crawler hung up
            }
        });
        hostile.start();
        HttpServer brokenRobots = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        brokenRobots.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/robots.txt") ? 500 : 200, -1);
            }
        });
        brokenRobots.start();
        String hostileBase = "http://127.0.0.1:" + hostile.getAddress().getPort();
        String brokenBase = "http://127.0.0.1:" + brokenRobots.getAddress().getPort();
        try (CrawlSite good = new CrawlSite(5, 0)) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            Map<String, Object> values = crawl(kafka, group(kafka), List.of(Map.of("name", "feed", "type", "listing", "url", hostileBase + "/links.html",
                            "include", ".*"), Map.of("name", "good", "type", "feed", "url", good.url("/feed.xml"))),
                    Map.of(IngestConfig.START_URLS, List.of(hostileBase + "/hang.html", hostileBase + "/trickle.html",
                                    hostileBase + "/binary.html", hostileBase + "/huge.html", brokenBase + "/article.html"),
                            "newsflow.page.max.bytes", 256 * 1024,
                            // the guard is open for the test servers only, not for what their pages link to
                            IngestConfig.ALLOW_PRIVATE, false,
                            IngestConfig.ALLOW_HOSTS, List.of(good.url("").substring(7), hostileBase.substring(7), brokenBase.substring(7))));
            try (IngestService crawler = start(kafka, values, registry)) {
                await(Duration.ofSeconds(90), "the good site crawled and every hostile link handled",
                        () -> good.articlesFetched() == 5 && drained(registry));
            }
            assertEquals(5, PagesTopic.read(kafka, key -> key.startsWith(good.url("/news/"))).size());
            assertEquals(2.0, sum(registry, MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, "blocked_address"),
                    "links to 127.0.0.1:1 and the metadata address are refused");
            assertEquals(1.0, sum(registry, MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, "binary"));
            assertEquals(1.0, sum(registry, MetricNames.FETCH_SKIPPED, MetricNames.TAG_REASON, "robots_unavailable"));
            assertEquals(1.0, sum(registry, MetricNames.FETCH_TRUNCATED, null, null), "the 50 MB page is cut and flagged");
            double timeouts = sum(registry, MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, "read_timeout")
                    + sum(registry, MetricNames.FETCH_PAGES, MetricNames.TAG_OUTCOME, "total_timeout");
            assertEquals(2.0, timeouts, "the silent and the trickling server time out");
            List<Page> huge = PagesTopic.read(kafka, key -> key.equals(hostileBase + "/huge.html"));
            assertEquals(1, huge.size());
            assertTrue(huge.get(0).truncated());
            assertEquals(256 * 1024, huge.get(0).html().length());
        } finally {
            closing.countDown();
            hostile.stop(0);
            brokenRobots.stop(0);
        }
    }

    /**
     * A host with thousands of links must not hold back the other hosts of its partition: with room
     * for 20 of its links in memory (and 100 in all), the rest wait in the topic while a small
     * host's new article on the same partition is fetched at once; the giant host is worked through
     * by re-reading its partition, each article once, and a restarted instance carries on with it,
     * so nothing was committed past the links left in the topic.
     */
    @Test
    @Timeout(180)
    void aGiantHostDoesNotHoldBackTheOtherHostsOfItsPartition(EmbeddedKafka kafka) throws Exception {
        int giantLinks = 3000;
        List<CrawlSite> sites = new ArrayList<>();
        try (CrawlSite giant = new CrawlSite(giantLinks, 0)) {
            HostPartitioner partitioner = new HostPartitioner(linksEnd(kafka).size());
            int partition = partitioner.partitionOf(HostKey.of(giant.url("/")));
            CrawlSite small = null;
            while (small == null) {
                CrawlSite candidate = new CrawlSite(1, 0);
                sites.add(candidate);
                if (partitioner.partitionOf(HostKey.of(candidate.url("/"))) == partition) {
                    small = candidate;
                }
            }
            String group = group(kafka);
            Map<String, Object> values = crawl(kafka, group, List.of(), Map.of(IngestConfig.FETCH_DELAY_MS, 50L,
                    IngestConfig.QUEUE_MAX, 100, IngestConfig.QUEUE_HOST_MAX, 20));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (IngestService crawler = start(kafka, dataDir.resolve("machine"), values, registry)) {
                publishLinks(kafka, giant.articlePaths().stream().map(giant::url).toList());
                await(Duration.ofSeconds(60), "the giant host's crawl under way", () -> giant.articlesFetched() >= 40);
                assertTrue(registry.get(MetricNames.FETCH_BACKLOG_HOSTS).gauge().value() >= 1, "the giant host has a backlog in the topic");

                long published = System.nanoTime();
                publishLinks(kafka, List.of(small.url("/news/article-0.html")));
                CrawlSite other = small;
                await(Duration.ofSeconds(60), "the small host's article fetched", () -> other.articlesFetched() == 1);
                Duration waited = Duration.ofNanos(System.nanoTime() - published);
                // behind the giant host's links it would wait about 3000 x 50 ms = 150 s
                assertTrue(waited.compareTo(Duration.ofSeconds(20)) < 0, "the small host waited " + waited);

                await(Duration.ofSeconds(90), "the giant host worked through many re-reads", () -> giant.articlesFetched() >= 200);
            }
            int beforeRestart = giant.articlesFetched();
            try (IngestService restarted = start(kafka, dataDir.resolve("machine"), values, new SimpleMeterRegistry())) {
                await(Duration.ofSeconds(60), "the restarted instance carrying on with the giant host",
                        () -> giant.articlesFetched() >= beforeRestart + 40);
            }
            assertEquals(List.of(), giant.articlesFetchedTwice(), "re-reading the partition fetches nothing twice");
            assertEquals(1, giant.maxConcurrentArticleRequests());
        } finally {
            sites.forEach(CrawlSite::close);
        }
    }

    private static void publishLinks(EmbeddedKafka kafka, List<String> urls) {
        Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, Link> producer = new KafkaProducer<>(props, Topics.LINKS.keySerde().serializer(),
                Topics.LINKS.valueSerde().serializer())) {
            for (String url : urls) {
                producer.send(new ProducerRecord<>(Topics.LINKS.name(), HostKey.of(url), new Link(url, "test", Instant.now(), null)));
            }
        }
    }
}
