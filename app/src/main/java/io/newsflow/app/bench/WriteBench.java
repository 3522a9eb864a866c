package io.newsflow.app.bench;

import static java.util.Objects.requireNonNull;

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
 */
public final class WriteBench {

    private static final String PARAGRAPH = "Officials from North Korea and China met in Beijing on Tuesday, "
            + "where Rex Tillerson and Yang Jiechi discussed sanctions, trade and the security of the region "
            + "for several hours before issuing a short joint statement to the press. ";

    private static final int WARM_ROWS = 200;

    private WriteBench() {
    }

    /** The measurement: rows written and rows per second on each path. */
    public record Result(String backend, int rows, int batchSize, int writers, double insertRowsPerSecond,
            double replayRowsPerSecond) {

        /** One JSON line, as every newsflow bench prints. */
        public Map<String, Object> json() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("bench", "sink.write");
            out.put("backend", backend);
            out.put("rows", rows);
            out.put("batch_size", batchSize);
            out.put("writers", writers);
            out.put("insert_rows_per_s", Math.round(insertRowsPerSecond));
            out.put("replay_rows_per_s", Math.round(replayRowsPerSecond));
            return out;
        }
    }

    /**
     * Writes {@code rows} new articles, then the same again, into the database in batches, each
     * batch on {@code writers} connections as the sink's {@code newsflow.sink.writers} does.
     */
    public static Result run(Database database, int rows, int batchSize, int writers) throws SQLException {
        requireNonNull(database, "database");
        if (rows < 1 || batchSize < 1 || writers < 1) {
            throw new IllegalArgumentException("rows, batch size and writers must be positive");
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Article> articles = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            articles.add(article("bench-" + run + "-" + i, i));
        }
        try (ArticleStore store = ParallelArticleStore.open(database, writers)) {
            // warm every connection, the statements and the JIT on rows outside the measurement
            List<Article> warm = new ArrayList<>();
            for (int i = 0; i < Math.min(batchSize, WARM_ROWS); i++) {
                warm.add(article("bench-" + run + "-warm-" + i, i));
            }
            store.write(warm);
            double insert = timed(store, articles, batchSize);
            double replay = timed(store, articles, batchSize);
            // SQLite takes one writer whatever was asked
            int used = store instanceof ParallelArticleStore ? writers : 1;
            return new Result(database.dialect().name().toLowerCase(java.util.Locale.ROOT), rows, batchSize, used, insert,
                    replay);
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
        String text = (PARAGRAPH + "\n\n").repeat(20).strip();
        int nk = text.indexOf("North Korea");
        int cn = text.indexOf("China");
        int bj = text.indexOf("Beijing");
        int rex = text.indexOf("Rex Tillerson");
        int yang = text.indexOf("Yang Jiechi");
        Instant published = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i * 60L);
        return new Article(id, "https://bench.example/" + id, "bench", "Bench article " + i, List.of("Bench Writer"),
                published, null, "world", "A lead paragraph.", "en", null, text, text.split("\\s+").length,
                ArticleId.sha256Hex(text), 1, published.plusSeconds(30),
                List.of(new CountryTag("KP", "North Korea", 1, List.of(new Span(nk, nk + 11, "North Korea", "name"))),
                        new CountryTag("CN", "China", 2, List.of(new Span(cn, cn + 5, "China", "name"),
                                new Span(bj, bj + 7, "Beijing", "capital"))),
                        new CountryTag("US", "United States", 0, List.of())),
                List.of(new PersonTag("Rex Tillerson", 1, List.of(new Span(rex, rex + 13, "Rex Tillerson", null))),
                        new PersonTag("Yang Jiechi", 1, List.of(new Span(yang, yang + 11, "Yang Jiechi", null)))),
                "bench/1", "bench/1");
    }
}
