package io.newsflow.app.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.app.run.Stage;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.metrics.CounterTotals;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.progress.Progress;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.extract.eval.HtmlPages;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jsoup.Jsoup;

/**
 * Runs ingest, enrich and sink on an embedded broker and SQLite over pages served from a local
 * server, and in the same run the two baselines that bound it: the same page records through Kafka
 * alone, and bare jsoup parsing on all cores.
 */
public final class PipelineBench {

    /** The figures of one run; rates in pages per second, latencies in milliseconds. */
    public record Result(
            int pages,
            int articles,
            double seconds,
            double pagesPerSecond,
            long freshnessP50Ms,
            long freshnessP95Ms,
            long freshnessP99Ms,
            long peakHeapMb,
            double kafkaOnlyPagesPerSecond,
            double parseOnlyPagesPerSecond,
            double ratioToKafkaOnly,
            double ratioToParseOnly) {
    }

    /** Loopback hosts the pages are spread over: at least the fetch threads of one instance. */
    private static final int HOSTS = 8;

    private final List<String> bodies;
    private final int pages;
    private final Duration timeout;
    private final PrintStream progress;

    public PipelineBench(Path htmlDir, int pages, Duration timeout, PrintStream progress) throws IOException {
        if (!Files.isDirectory(htmlDir)) {
            throw new IllegalArgumentException("not a directory: " + htmlDir);
        }
        Map<String, String> html = HtmlPages.read(htmlDir);
        if (html.isEmpty()) {
            throw new IllegalArgumentException("no .html or .html.gz files in " + htmlDir);
        }
        this.bodies = List.copyOf(html.values());
        this.pages = pages;
        this.timeout = timeout;
        this.progress = progress;
    }

    public Result run() throws Exception {
        Path work = Files.createTempDirectory("newsflow-bench");
        try (HeapSampler heap = new HeapSampler();
                EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0,
                        KafkaClients.maxMessageBytes(CommonConfig.DEFAULT_PAGE_MAX_BYTES))) {
            Properties client = new Properties();
            client.put("bootstrap.servers", kafka.bootstrapServers());
            TopicBootstrap.ensureTopics(client, CommonConfig.DEFAULT_PAGE_MAX_BYTES);
            double parseOnly = parseOnly();
            progress.printf("parse only: %.1f pages/s%n", parseOnly);
            double kafkaOnly = kafkaOnly(client);
            progress.printf("kafka only: %.1f pages/s%n", kafkaOnly);
            PipelineRun run = pipeline(kafka, work);
            double rate = run.pagesProcessed / run.seconds;
            return new Result(pages, run.freshnessMs.length, run.seconds, rate,
                    percentile(run.freshnessMs, 50), percentile(run.freshnessMs, 95), percentile(run.freshnessMs, 99),
                    heap.peakMegabytes(), kafkaOnly, parseOnly, rate / kafkaOnly, rate / parseOnly);
        } finally {
            deleteRecursively(work);
        }
    }

    private double parseOnly() {
        IntStream.range(0, Math.min(50, pages)).forEach(i -> Jsoup.parse(html(i)).body().text());
        long start = System.nanoTime();
        long chars = IntStream.range(0, pages).parallel().mapToLong(i -> Jsoup.parse(html(i)).body().text().length()).sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (chars < 0) {
            throw new IllegalStateException("unreachable: keeps the parse from being optimised away");
        }
        return pages / seconds;
    }

    private String html(int page) {
        return bodies.get(page % bodies.size());
    }

    /** Produces the pipeline's page records to a topic of the same configuration and consumes them all. */
    private double kafkaOnly(Properties client) throws Exception {
        String topic = "bench.kafka-only";
        try (Admin admin = Admin.create(client)) {
            NewTopic definition = TopicBootstrap.definitions(CommonConfig.DEFAULT_PAGE_MAX_BYTES).stream()
                    .filter(t -> t.name().equals(Topics.PAGES.name())).findFirst().orElseThrow();
            admin.createTopics(List.of(new NewTopic(topic, Optional.of(definition.numPartitions()), Optional.empty())
                    .configs(definition.configs()))).all().get(30, TimeUnit.SECONDS);
        }
        Instant now = Instant.now();
        Properties consumerProps = new Properties();
        consumerProps.putAll(client);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-kafka-only");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                String.valueOf(KafkaClients.maxMessageBytes(CommonConfig.DEFAULT_PAGE_MAX_BYTES)));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                        KafkaClients.pageProducer(client, CommonConfig.DEFAULT_PAGE_MAX_BYTES),
                        new ByteArraySerializer(), new ByteArraySerializer());
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps,
                        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(Set.of(topic));
            consumer.poll(Duration.ofMillis(100));
            long start = System.nanoTime();
            for (int i = 0; i < pages; i++) {
                String html = html(i);
                String url = "http://127.0.0.1/p/" + i + ".html";
                byte[] record = Topics.PAGES.valueSerde().serializer().serialize(topic, new Page(url, url, url, "bench", now,
                        200, "text/html", "UTF-8", null, null, ArticleId.sha256Hex(html), false, html));
                producer.send(new ProducerRecord<>(topic, url.getBytes(StandardCharsets.UTF_8), record));
            }
            producer.flush();
            int consumed = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumed < pages && System.nanoTime() < deadline) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
            return consumed / ((System.nanoTime() - start) / 1e9);
        }
    }

    private record PipelineRun(int pagesProcessed, double seconds, long[] freshnessMs) {
    }

    private PipelineRun pipeline(EmbeddedKafka kafka, Path work) throws Exception {
        Path dataDir = work.resolve("pipeline");
        try (BenchSite site = new BenchSite(bodies.stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList(), pages, HOSTS)) {
            Map<String, Object> values = new HashMap<>();
            values.put(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            values.put(CommonConfig.DATA_DIR, dataDir.toString());
            values.put(CommonConfig.HTTP_PORT, 0);
            values.put("newsflow.ingest.start.urls", site.urls());
            // the bench site is on loopback: open the SSRF guard for it and measure without the politeness delay
            values.put("newsflow.ingest.fetch.allow.private", true);
            values.put("newsflow.ingest.fetch.delay.ms", 0L);
            long start = System.nanoTime();
            try (RunningProcess process = RunningProcess.start(NewsflowConfig.of(values), EnumSet.allOf(Stage.class), null, false)) {
                MeterRegistry registry = process.registry();
                long deadline = start + timeout.toNanos();
                try (Progress enrichedSoFar = Progress.toStderr("bench pipeline: pages enriched", pages)) {
                    long shown = 0;
                    while (System.nanoTime() < deadline) {
                        long enriched = count(registry, MetricNames.ENRICH_RECORDS, "article");
                        long processed = enriched + count(registry, MetricNames.ENRICH_RECORDS, "not_article");
                        enrichedSoFar.advance(processed - shown);
                        shown = processed;
                        if (processed >= pages && count(registry, MetricNames.SINK_ROWS, "written") >= enriched) {
                            break;
                        }
                        Thread.sleep(50);
                    }
                }
                long processed = count(registry, MetricNames.ENRICH_RECORDS, "article")
                        + count(registry, MetricNames.ENRICH_RECORDS, "not_article");
                return fromStore(dataDir.resolve("newsflow.db"), (int) processed);
            }
        }
    }

    /** Rate and freshness from the rows themselves: first fetch to last store, and store minus fetch per row. */
    private static PipelineRun fromStore(Path db, int processed) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT fetched_at, stored_at FROM articles")) {
            List<long[]> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new long[] {Instant.parse(rs.getString(1)).toEpochMilli(), Instant.parse(rs.getString(2)).toEpochMilli()});
            }
            if (rows.isEmpty()) {
                throw new IllegalStateException("no article was stored: the pipeline made no progress");
            }
            long firstFetch = rows.stream().mapToLong(r -> r[0]).min().orElseThrow();
            long lastStore = rows.stream().mapToLong(r -> r[1]).max().orElseThrow();
            long[] freshness = rows.stream().mapToLong(r -> r[1] - r[0]).sorted().toArray();
            return new PipelineRun(processed, Math.max(1, lastStore - firstFetch) / 1000.0, freshness);
        }
    }

    private static long count(MeterRegistry registry, String name, String outcome) {
        return (long) CounterTotals.sum(registry, name, outcome::equals);
    }

    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
