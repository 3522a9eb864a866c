package io.newsflow.app.bench;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.json.Decimals;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.progress.Progress;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Link;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.HostKey;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.extract.HtmlPages;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * Runs ingest, enrich and sink on an embedded broker and SQLite over pages served from a local
 * server, and in the same run the two baselines that bound it: the same page records through Kafka
 * alone, and bare jsoup parsing on all cores.
 *
 * <p>The pipeline runs its phases in one process. A warm-up phase is not counted: a service runs
 * for days, and the first pages of a fresh JVM measure the JIT compiler, not the pipeline. The
 * peak phase offers all its pages at once and gives the throughput. The paced phase offers pages
 * at an even rate below the peak (half of it unless told otherwise) and gives the freshness: at
 * the peak every page waits behind the backlog, so latency there measures only the queue. A last,
 * untimed phase repeats the peak to measure the live heap with full collections, whose pauses would
 * distort the timed figures.
 */
public final class PipelineBench {

    /**
     * What to run: pages of the warm-up and peak phases, the pace of the freshness phase (0: half the
     * peak) and how long it lasts, and how long any phase may take.
     */
    public record Settings(int warmupPages, int pages, double pacedRate, Duration pacedFor, Duration timeout) {
    }

    /**
     * The figures of one run; rates in pages per second, latencies in milliseconds. cpuMsPerPage is
     * the CPU time of the whole process (broker, bench site, the three stages) per page of the peak
     * phase, less sensitive than the rate to other jobs on the machine; jitMsPerPage is the part of
     * it the JIT compiler threads used, in the same phase. enrichMsPerArticle is the mean time of
     * the extract step per page plus the tag step per article in the peak phase, storyMsPerArticle
     * the mean time of the story step per article in the same phase, and storyToEnrichRatio the one
     * over the other; jvm the settings it ran under. peakHeapMb is the most heap in use, which the
     * collector lets grow before it collects; peakLiveHeapMb the most a full collection left while
     * the pipeline ran flat out, broker and bench site included; benchLiveHeapMb what a full
     * collection left before the pipeline started: the bench's pages, its site and the broker.
     */
    public record Result(
            int warmupPages,
            int pages,
            int articles,
            double seconds,
            double pagesPerSecond,
            double cpuMsPerPage,
            double jitMsPerPage,
            double freshnessPagesPerSecond,
            int freshnessPages,
            long freshnessP50Ms,
            long freshnessP95Ms,
            long freshnessP99Ms,
            long peakHeapMb,
            long peakLiveHeapMb,
            long benchLiveHeapMb,
            double kafkaOnlyPagesPerSecond,
            double parseOnlyPagesPerSecond,
            double ratioToKafkaOnly,
            double ratioToParseOnly,
            double enrichMsPerArticle,
            double storyMsPerArticle,
            double storyToEnrichRatio,
            @JsonUnwrapped JvmMode jvm) {
    }

    private static final int PARSE_ROUNDS = 3;
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Loopback hosts the pages are spread over: at least the fetch threads of one instance. */
    private static final int HOSTS = 8;

    private final NearCopies pages;
    private final Settings settings;
    private final NewsflowConfig tuning;
    private final PrintStream progress;

    /**
     * A bench of the pages in {@code htmlDir}; {@code tuning} holds settings to measure (stream
     * threads, batch sizes), under the broker, storage and politeness settings the bench imposes.
     */
    public PipelineBench(Path htmlDir, Settings settings, NewsflowConfig tuning, PrintStream progress) throws IOException {
        if (!Files.isDirectory(htmlDir)) {
            throw new IllegalArgumentException("not a directory: " + htmlDir);
        }
        Map<String, String> html = HtmlPages.read(htmlDir);
        if (html.isEmpty()) {
            throw new IllegalArgumentException("no .html or .html.gz files in " + htmlDir);
        }
        this.pages = new NearCopies(List.copyOf(html.values()));
        this.settings = settings;
        this.tuning = tuning;
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
            return pipeline(kafka, client, work, heap, kafkaOnly, parseOnly);
        } finally {
            deleteRecursively(work);
        }
    }

    /**
     * Bare jsoup parse and text on all cores: one uncounted round so the JIT has compiled the
     * parser, then the fastest of three rounds, the machine's best at parsing these pages.
     */
    private double parseOnly() {
        int pages = settings.pages();
        double best = 0;
        for (int round = 0; round <= PARSE_ROUNDS; round++) {
            long start = System.nanoTime();
            long chars = IntStream.range(0, pages).parallel().mapToLong(i -> Jsoup.parse(html(i)).body().text().length()).sum();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (chars < 0) {
                throw new IllegalStateException("unreachable: keeps the parse from being optimised away");
            }
            if (round > 0) {
                best = Math.max(best, pages / seconds);
            }
        }
        return best;
    }

    private String html(int page) {
        return pages.html(page);
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
        int pages = settings.pages();
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
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            while (consumed < pages && System.nanoTime() < deadline) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
            return consumed / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * What one phase stored: pages processed, first fetch to last store, each row's freshness, and
     * how many rows the story step found exact copies (overlap 1) or near copies of earlier ones.
     */
    private record Phase(int pagesProcessed, int articles, double seconds, long[] freshnessMs, double cpuMsPerPage,
            double jitMsPerPage, StepTimes steps, int exactCopies, int nearCopies) {

        double rate() {
            return pagesProcessed / seconds;
        }
    }

    private Result pipeline(EmbeddedKafka kafka, Properties client, Path work, HeapSampler heap, double kafkaOnly,
            double parseOnly) throws Exception {
        Path dataDir = work.resolve("pipeline");
        Map<String, Object> values = new HashMap<>();
        values.put(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        values.put(CommonConfig.DATA_DIR, dataDir.toString());
        values.put(CommonConfig.HTTP_PORT, 0);
        // the bench site is on loopback: open the SSRF guard for it and measure without the politeness delay
        values.put("newsflow.ingest.fetch.allow.private", true);
        values.put("newsflow.ingest.fetch.delay.ms", 0L);
        Path db = dataDir.resolve("newsflow.db");
        try (BenchSite site = new BenchSite(pages, HOSTS);
                LinkOffers offers = new LinkOffers(client, site)) {
            // what the bench holds before the pipeline starts: its pages, its site, the broker
            long benchLive = heap.liveMegabytes();
            try (RunningProcess process = RunningProcess.start(tuning.with(values), EnumSet.allOf(Stage.class), null, false)) {
                StageCounters stages = new StageCounters(process.registry());
                int warmup = settings.warmupPages();
                int pages = settings.pages();
                phase("warm-up", stages, offers, 0, warmup, 0, db, null);
                Phase peak = phase("peak", stages, offers, warmup, pages, 0, db, null);
                // which path of the story step the figures measure: near copies take the costly one
                progress.printf("peak: %d articles, %d near copies, %d exact copies of earlier ones%n", peak.articles(),
                        peak.nearCopies(), peak.exactCopies());
                double rate = settings.pacedRate() > 0 ? settings.pacedRate() : peak.rate() / 2;
                int pacedPages = Math.max(1, (int) Math.round(rate * settings.pacedFor().toMillis() / 1000.0));
                Phase paced = phase("paced", stages, offers, warmup + pages, pacedPages, rate, db, null);
                // the peak again, untimed, for the live set: the full collections that measure it stop the process
                phase("live heap", stages, offers, warmup + pages + pacedPages, pages, 0, db, heap);
                progress.printf("live heap: %d MB before the pipeline started, at most %d MB while it ran flat out%n",
                        benchLive, heap.peakLiveMegabytes());
                double throughput = peak.rate();
                long[] freshness = paced.freshnessMs();
                // rounded to what the machine's noise leaves meaningful, so the line reads at a glance
                return new Result(warmup, pages, peak.articles(), Decimals.round(peak.seconds(), 2),
                        Decimals.round(throughput, 1), Decimals.round(peak.cpuMsPerPage(), 2),
                        Decimals.round(peak.jitMsPerPage(), 2), Decimals.round(rate, 1), paced.pagesProcessed(),
                        percentile(freshness, 50), percentile(freshness, 95), percentile(freshness, 99),
                        heap.peakMegabytes(), heap.peakLiveMegabytes(), benchLive,
                        Decimals.round(kafkaOnly, 1), Decimals.round(parseOnly, 1),
                        Decimals.round(throughput / kafkaOnly, 3), Decimals.round(throughput / parseOnly, 3),
                        Decimals.round(peak.steps().enrichMs(), 3), Decimals.round(peak.steps().storyMs(), 3),
                        Decimals.round(peak.steps().storyMs() / peak.steps().enrichMs(), 4), JvmMode.current());
            }
        }
    }

    /**
     * Offers pages [first, first + count) as links, evenly at {@code rate} per second (0: all at once),
     * and waits until all are stored; with a {@code live} sampler, measures the live heap when a
     * quarter, half and three quarters of the pages are processed.
     */
    private Phase phase(String name, StageCounters stages, LinkOffers offers, int first, int count, double rate, Path db,
            @Nullable HeapSampler live) throws Exception {
        if (count == 0) {
            return new Phase(0, 0, 0, new long[0], 0, 0, new StepTimes(new long[6]), 0, 0);
        }
        long processedBefore = stages.processed();
        long cpuBefore = PROCESS.getProcessCpuTime();
        CompilerCpu jit = CompilerCpu.start();
        StepTimes stepsBefore = steps(stages.registry());
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        try (Progress done = Progress.toStderr("bench pipeline: " + name + " pages enriched", count)) {
            long shown = 0;
            int quartersSampled = 0;
            long start = System.nanoTime();
            int offered = 0;
            while (System.nanoTime() < deadline) {
                long elapsed = System.nanoTime() - start;
                int due = rate <= 0 ? count : (int) Math.min(count, Math.floor(elapsed / 1e9 * rate) + 1);
                for (; offered < due; offered++) {
                    offers.offer(first + offered);
                }
                offers.flush();
                long processed = stages.processed() - processedBefore;
                done.advance(processed - shown);
                shown = processed;
                if (live != null && quartersSampled < 3 && processed * 4 >= (long) count * (quartersSampled + 1)) {
                    live.liveMegabytes();
                    quartersSampled++;
                }
                if (processed >= count && stages.stored() >= stages.enriched()) {
                    break;
                }
                Thread.sleep(rate <= 0 ? 50 : Math.max(1, Math.min(50, (long) (1000 / rate))));
            }
        }
        long processed = stages.processed() - processedBefore;
        if (processed < count) {
            throw new IllegalStateException("the " + name + " phase processed " + processed + " of " + count
                    + " pages within " + settings.timeout().toSeconds() + " s");
        }
        double cpuMsPerPage = (PROCESS.getProcessCpuTime() - cpuBefore) / 1e6 / processed;
        double jitMsPerPage = jit.nanos() / 1e6 / processed;
        return fromStore(db, first, count, (int) processed, cpuMsPerPage, jitMsPerPage, steps(stages.registry()).minus(stepsBefore));
    }

    /** Total time and count of the extract, tag and story step timers so far. */
    private static StepTimes steps(MeterRegistry registry) {
        long[] values = new long[6];
        int i = 0;
        for (String step : List.of("extract", "tag", "story")) {
            Timer timer = registry.find(MetricNames.ENRICH_STEP_DURATION).tag(MetricNames.TAG_STEP, step).timer();
            values[i++] = timer == null ? 0 : (long) timer.totalTime(TimeUnit.NANOSECONDS);
            values[i++] = timer == null ? 0 : timer.count();
        }
        return new StepTimes(values);
    }

    /** Total nanoseconds and count of the extract, tag and story steps, in that order, pairwise. */
    private record StepTimes(long[] values) {

        StepTimes minus(StepTimes before) {
            long[] delta = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                delta[i] = values[i] - before.values[i];
            }
            return new StepTimes(delta);
        }

        private double meanMs(int step) {
            long count = values[step * 2 + 1];
            return count == 0 ? 0 : values[step * 2] / 1e6 / count;
        }

        /** Extract per page plus tag per article: what enriching one article costs. */
        double enrichMs() {
            return meanMs(0) + meanMs(1);
        }

        double storyMs() {
            return meanMs(2);
        }
    }

    /** Plays a discovery source: publishes bench page URLs to {@code newsflow.links}, keyed by host. */
    private static final class LinkOffers implements AutoCloseable {

        private final KafkaProducer<String, Link> producer;
        private final BenchSite site;

        LinkOffers(Properties client, BenchSite site) {
            Properties props = new Properties();
            props.putAll(client);
            props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            this.producer = new KafkaProducer<>(props, Topics.LINKS.keySerde().serializer(), Topics.LINKS.valueSerde().serializer());
            this.site = site;
        }

        void offer(int page) {
            String url = site.url(page);
            producer.send(new ProducerRecord<>(Topics.LINKS.name(), HostKey.of(url), new Link(url, "bench", Instant.now(), null)));
        }

        void flush() {
            producer.flush();
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    /** Rate and freshness of one phase from its rows: first fetch to last store, and store minus fetch per row. */
    private static Phase fromStore(Path db, int first, int count, int processed, double cpuMsPerPage,
            double jitMsPerPage, StepTimes steps) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT url, fetched_at, stored_at, story_overlap FROM articles")) {
            List<long[]> rows = new ArrayList<>();
            int exactCopies = 0;
            int nearCopies = 0;
            while (rs.next()) {
                int page = BenchSite.page(rs.getString(1));
                if (page >= first && page < first + count) {
                    rows.add(new long[] {Instant.parse(rs.getString(2)).toEpochMilli(), Instant.parse(rs.getString(3)).toEpochMilli()});
                    double overlap = rs.getDouble(4);
                    if (!rs.wasNull()) {
                        if (overlap >= 1.0) {
                            exactCopies++;
                        } else {
                            nearCopies++;
                        }
                    }
                }
            }
            if (rows.isEmpty()) {
                throw new IllegalStateException("no article was stored: the pipeline made no progress");
            }
            long firstFetch = rows.stream().mapToLong(r -> r[0]).min().orElseThrow();
            long lastStore = rows.stream().mapToLong(r -> r[1]).max().orElseThrow();
            long[] freshness = rows.stream().mapToLong(r -> r[1] - r[0]).sorted().toArray();
            return new Phase(processed, rows.size(), Math.max(1, lastStore - firstFetch) / 1000.0, freshness, cpuMsPerPage,
                    jitMsPerPage, steps, exactCopies, nearCopies);
        }
    }

    static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void deleteRecursively(Path dir) {
        try {
            Utils.delete(dir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
