package io.newsflow.app.bench;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.json.Decimals;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import io.newsflow.sink.jdbc.ArticleStore;
import io.newsflow.sink.jdbc.Database;
import io.newsflow.sink.jdbc.ParallelArticleStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rows per second into a store: synthetic articles of news size (about 600 words, three countries,
 * two persons with spans) written in batches as the sink writes them, first as new rows, then the
 * same rows again (a full redelivery, every one stale), so both paths of the upsert are measured.
 * A warm-up of new rows comes first and is reported apart: the sink runs for months, and its
 * first seconds are the JIT compiling the driver's and the store's code, which a short measured
 * phase would otherwise share its cores with.
 */
public final class WriteBench {

    private static final String PARAGRAPH = "Officials from North Korea and China met in Beijing on Tuesday, "
            + "where Rex Tillerson and Yang Jiechi discussed sanctions, trade and the security of the region "
            + "for several hours before issuing a short joint statement to the press. ";

    private static final String TEXT = (PARAGRAPH + "\n\n").repeat(20).strip();
    private static final int WORDS = TEXT.split("\\s+").length;
    private static final String TEXT_SHA256 = ArticleId.sha256Hex(TEXT);

    private WriteBench() {
    }

    /** What to write: new rows before the measurement, measured rows, rows per batch, connections per batch. */
    public record Settings(int warmupRows, int rows, int batchSize, int writers) {

        public Settings {
            if (warmupRows < 0 || rows < 1 || batchSize < 1 || writers < 1) {
                throw new IllegalArgumentException("rows, batch size and writers must be positive, warm-up rows not negative");
            }
        }
    }

    /**
     * The measurement: rows written and rows per second on each path, the warm-up's rate apart,
     * the JIT compiler's CPU seconds during the measured inserts (how settled the warm-up left it),
     * and the settings the JVM ran under.
     */
    public record Result(String backend, int warmupRows, double warmupRowsPerSecond, int rows, int batchSize, int writers,
            double insertRowsPerSecond, double replayRowsPerSecond, double insertJitCpuSeconds, JvmMode jvm) {

        /** One JSON line, as every newsflow bench prints. */
        public Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("bench", "sink.write");
            out.put("backend", backend);
            out.put("warmup_rows", warmupRows);
            out.put("warmup_rows_per_s", Math.round(warmupRowsPerSecond));
            out.put("rows", rows);
            out.put("batch_size", batchSize);
            out.put("writers", writers);
            out.put("insert_rows_per_s", Math.round(insertRowsPerSecond));
            out.put("replay_rows_per_s", Math.round(replayRowsPerSecond));
            out.put("insert_jit_cpu_s", Decimals.round(insertJitCpuSeconds, 2));
            out.put("compiler", jvm.compiler());
            out.put("gc", jvm.gc());
            out.put("huge_pages", jvm.hugePages());
            return out;
        }
    }

    /**
     * Writes the warm-up's new articles, then {@code rows} new articles, then the same again, into
     * the database in batches, each batch on {@code writers} connections as the sink's
     * {@code newsflow.sink.writers} does.
     */
    public static Result run(Database database, Settings settings) throws SQLException {
        requireNonNull(database, "database");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Article> warm = new ArrayList<>(settings.warmupRows());
        for (int i = 0; i < settings.warmupRows(); i++) {
            warm.add(article("bench-" + run + "-warm-" + i, i));
        }
        List<Article> articles = new ArrayList<>(settings.rows());
        for (int i = 0; i < settings.rows(); i++) {
            articles.add(article("bench-" + run + "-" + i, i));
        }
        try (ArticleStore store = ParallelArticleStore.open(database, settings.writers())) {
            double warmup = settings.warmupRows() == 0 ? 0 : timed(store, warm, settings.batchSize());
            CompilerCpu jit = CompilerCpu.start();
            double insert = timed(store, articles, settings.batchSize());
            long jitNanos = jit.nanos();
            double replay = timed(store, articles, settings.batchSize());
            // SQLite takes one writer whatever was asked
            int used = store instanceof ParallelArticleStore ? settings.writers() : 1;
            return new Result(database.dialect().name().toLowerCase(java.util.Locale.ROOT), settings.warmupRows(), warmup,
                    settings.rows(), settings.batchSize(), used, insert, replay, jitNanos / 1e9,
                    JvmMode.current());
        }
    }

    private static double timed(ArticleStore store, List<Article> articles, int batchSize) throws SQLException {
        long start = System.nanoTime();
        for (int from = 0; from < articles.size(); from += batchSize) {
            store.write(articles.subList(from, Math.min(articles.size(), from + batchSize)));
        }
        return articles.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static Article article(String id, int i) {
        int nk = TEXT.indexOf("North Korea");
        int cn = TEXT.indexOf("China");
        int bj = TEXT.indexOf("Beijing");
        int rex = TEXT.indexOf("Rex Tillerson");
        int yang = TEXT.indexOf("Yang Jiechi");
        Instant published = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L);
        return new Article(id, "https://bench.example/" + id, "bench", "Bench article " + i, List.of("Bench Writer"),
                published, null, "world", "A lead paragraph.", "en", null, TEXT, WORDS, TEXT_SHA256, 1, published.plusSeconds(30),
                List.of(new CountryTag("KP", "North Korea", 1, List.of(new Span(nk, nk + 11, "North Korea", "name"))),
                        new CountryTag("CN", "China", 2, List.of(new Span(cn, cn + 5, "China", "name"),
                                new Span(bj, bj + 7, "Beijing", "capital"))),
                        new CountryTag("US", "United States", 0, List.of())),
                List.of(new PersonTag("Rex Tillerson", 1, List.of(new Span(rex, rex + 13, "Rex Tillerson", null))),
                        new PersonTag("Yang Jiechi", 1, List.of(new Span(yang, yang + 11, "Yang Jiechi", null)))),
                "bench/1", "bench/1");
    }
}
