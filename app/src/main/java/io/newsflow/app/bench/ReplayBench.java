package io.newsflow.app.bench;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.json.Decimals;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.progress.Progress;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.extract.HtmlPages;
import io.newsflow.ingest.replay.WarcReplayer;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.Utils;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Backfill speed: writes the pages as gzipped WARC files, as a news crawl archives them, then
 * replays them with {@link WarcReplayer} (what {@code newsflow replay} runs) into
 * {@code newsflow.pages} and through enrich and sink on an embedded broker and SQLite.
 *
 * <p>A warm-up replay of its own pages runs first and is reported apart: the first pages of a
 * fresh JVM measure the JIT compiler, not the pipeline. The measured replay counts from the moment
 * it starts reading its file until the last of its pages is stored, so reading, decoding and
 * publishing the archive are part of the figure, as they are of a real backfill.
 */
public final class ReplayBench {

    /** Pages of the warm-up and measured replays, and how long either may take. */
    public record Settings(int warmupPages, int pages, Duration timeout) {
    }

    /**
     * The figures of one run; rates in pages per second. warcBytes is the size of the measured
     * replay's WARC file, publishSeconds the part of its seconds spent reading and publishing it,
     * stored the rows of its pages in the store. cpuMsPerPage is the CPU time of the whole process
     * (broker, replay, enrich, sink) per measured page, jitMsPerPage the JIT compiler's part of it,
     * and jvm the settings it ran under.
     */
    public record Result(
            int warmupPages,
            double warmupSeconds,
            double warmupPagesPerSecond,
            int pages,
            int stored,
            long warcBytes,
            double publishSeconds,
            double seconds,
            double pagesPerSecond,
            double cpuMsPerPage,
            double jitMsPerPage,
            @JsonUnwrapped JvmMode jvm) {
    }

    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** Hosts the page URLs are spread over, as in {@code bench pipeline}. */
    private static final int HOSTS = 8;
    private static final MediaType HTML = MediaType.parse("text/html; charset=utf-8");

    private final List<byte[]> bodies;
    private final Settings settings;
    private final NewsflowConfig tuning;
    private final PrintStream progress;

    /**
     * A bench of the pages in {@code htmlDir}; {@code tuning} holds settings to measure (stream
     * threads, batch sizes, client settings), under the broker and storage settings the bench imposes.
     */
    public ReplayBench(Path htmlDir, Settings settings, NewsflowConfig tuning, PrintStream progress) throws IOException {
        if (!Files.isDirectory(htmlDir)) {
            throw new IllegalArgumentException("not a directory: " + htmlDir);
        }
        Map<String, String> html = HtmlPages.read(htmlDir);
        if (html.isEmpty()) {
            throw new IllegalArgumentException("no .html or .html.gz files in " + htmlDir);
        }
        this.bodies = html.values().stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList();
        this.settings = settings;
        this.tuning = tuning;
        this.progress = progress;
    }

    public Result run() throws Exception {
        Path work = Files.createTempDirectory("newsflow-bench-replay");
        try {
            Path warmupWarc = writeWarc(work.resolve("warm-up.warc.gz"), 0, settings.warmupPages());
            Path measuredWarc = writeWarc(work.resolve("measured.warc.gz"), settings.warmupPages(), settings.pages());
            long warcBytes = Files.size(measuredWarc);
            progress.printf("wrote %d pages to %s (%.1f MB)%n", settings.pages(), measuredWarc, warcBytes / 1e6);
            return replayAll(work, warmupWarc, measuredWarc, warcBytes);
        } finally {
            Utils.delete(work.toFile());
        }
    }

    /** Writes pages [first, first + count) as gzipped WARC response records, the bench's bodies cycling under distinct URLs. */
    private Path writeWarc(Path file, int first, int count) throws IOException {
        Instant now = Instant.now();
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                WarcCompression.GZIP)) {
            for (int page = first; page < first + count; page++) {
                HttpResponse http = new HttpResponse.Builder(200, "OK").body(HTML, bodies.get(page % bodies.size())).build();
                writer.write(new WarcResponse.Builder(URI.create(url(page))).date(now).body(http).build());
            }
        }
        return file;
    }

    private static String url(int page) {
        return "http://bench-" + page % HOSTS + ".example/p/" + page + ".html";
    }

    private Result replayAll(Path work, Path warmupWarc, Path measuredWarc, long warcBytes) throws Exception {
        Path dataDir = work.resolve("pipeline");
        int pageMaxBytes = tuning.parse(CommonConfig.DEFINITION).getInt(CommonConfig.PAGE_MAX_BYTES);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"), 0, KafkaClients.maxMessageBytes(pageMaxBytes))) {
            Map<String, Object> values = new HashMap<>();
            values.put(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
            values.put(CommonConfig.DATA_DIR, dataDir.toString());
            values.put(CommonConfig.HTTP_PORT, 0);
            try (RunningProcess process = RunningProcess.start(tuning.with(values), EnumSet.of(Stage.ENRICH, Stage.SINK), null, false);
                    KafkaProducer<String, Page> producer = new KafkaProducer<>(
                            KafkaClients.pageProducer(process.config().kafkaClientProperties(), pageMaxBytes),
                            Topics.PAGES.keySerde().serializer(), Topics.PAGES.valueSerde().serializer())) {
                WarcReplayer replayer = new WarcReplayer(producer, pageMaxBytes, new SimpleMeterRegistry());
                StageCounters stages = new StageCounters(process.registry());
                Path db = dataDir.resolve("newsflow.db");
                int warmup = settings.warmupPages();
                Phase warm = warmup == 0 ? new Phase(0, 0, 0, 0, 0)
                        : replay("warm-up", warmupWarc, 0, warmup, replayer, stages, db);
                Phase measured = replay("measured", measuredWarc, warmup, settings.pages(), replayer, stages, db);
                // rounded to what the machine's noise leaves meaningful, so the line reads at a glance
                return new Result(warmup, Decimals.round(warm.seconds(), 2), Decimals.round(warm.rate(settings.warmupPages()), 1),
                        settings.pages(), measured.stored(), warcBytes, Decimals.round(measured.publishSeconds(), 2),
                        Decimals.round(measured.seconds(), 2), Decimals.round(measured.rate(settings.pages()), 1),
                        Decimals.round(measured.cpuMsPerPage(), 2), Decimals.round(measured.jitMsPerPage(), 2),
                        JvmMode.current());
            }
        }
    }

    /** What one replay gave: its rows stored, replay start to last page stored, and the part spent publishing. */
    private record Phase(int stored, double seconds, double publishSeconds, double cpuMsPerPage, double jitMsPerPage) {

        double rate(int pages) {
            return seconds == 0 ? 0 : pages / seconds;
        }
    }

    /** Replays one WARC file of pages [first, first + count) and waits until the pipeline has stored them all. */
    private Phase replay(String name, Path warc, int first, int count, WarcReplayer replayer, StageCounters stages, Path db)
            throws Exception {
        long processedBefore = stages.processed();
        long cpuBefore = PROCESS.getProcessCpuTime();
        CompilerCpu jit = CompilerCpu.start();
        long start = System.nanoTime();
        long deadline = start + settings.timeout().toNanos();
        WarcReplayer.Summary summary = replayer.replay(warc);
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        if (summary.published() != count) {
            throw new IllegalStateException("the " + name + " replay published " + summary.published() + " of " + count
                    + " pages (" + summary.skipped() + " skipped, " + summary.broken() + " broken)");
        }
        long processed;
        try (Progress done = Progress.toStderr("bench replay: " + name + " pages enriched", count)) {
            long shown = 0;
            while (true) {
                processed = stages.processed() - processedBefore;
                done.advance(processed - shown);
                shown = processed;
                if ((processed >= count && stages.stored() >= stages.enriched()) || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(20);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (processed < count) {
            throw new IllegalStateException("the " + name + " replay processed " + processed + " of " + count
                    + " pages within " + settings.timeout().toSeconds() + " s");
        }
        double cpuMsPerPage = (PROCESS.getProcessCpuTime() - cpuBefore) / 1e6 / count;
        double jitMsPerPage = jit.nanos() / 1e6 / count;
        return new Phase(storedRows(db, first, count), seconds, publishSeconds, cpuMsPerPage, jitMsPerPage);
    }

    /** Rows in the store of pages [first, first + count). */
    private static int storedRows(Path db, int first, int count) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT url FROM articles")) {
            int rows = 0;
            while (rs.next()) {
                int page = BenchSite.page(rs.getString(1));
                if (page >= first && page < first + count) {
                    rows++;
                }
            }
            return rows;
        }
    }
}
