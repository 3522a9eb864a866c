package io.newsflow.app.eval.extraction;

import static java.util.Objects.requireNonNull;

import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.HtmlPages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.ToIntFunction;
import org.jsoup.Jsoup;

/**
 * Pages per second of the extractor against a bare {@code Jsoup.parse(html).body().text()} on the
 * same pages, in the same run, single thread, each after a warm-up, so the ratio says what the
 * extraction costs on top of parsing. Rounds of the two alternate and each side keeps its best
 * round: on a shared machine, other load only ever slows a round down.
 */
public final class ExtractionBench {

    /** Warm-up runs at least this many rounds, and by default at least 5 s, so the JIT has compiled both sides. */
    private static final int WARM_UP_ROUNDS = 5;
    private static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(5);
    private static final int MEASURED_ROUNDS = 7;

    /** Throughputs in pages per second and their ratio (extractor / bare parse). */
    public record Result(int pages, double extractorPagesPerSecond, double jsoupPagesPerSecond, double ratio) {
    }

    private final long warmUpNanos;

    public ExtractionBench() {
        this(DEFAULT_WARM_UP);
    }

    /** @param warmUp the least time each side is warmed up for (tests pass zero) */
    public ExtractionBench(Duration warmUp) {
        this.warmUpNanos = requireNonNull(warmUp, "warmUp").toNanos();
    }

    public Result run(Path htmlDir) throws IOException {
        requireNonNull(htmlDir, "htmlDir");
        List<String> pages = List.copyOf(HtmlPages.read(htmlDir).values());
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no .html or .html.gz pages in " + htmlDir);
        }
        ArticleExtractor extractor = new ArticleExtractor();
        ToIntFunction<String> extract = html -> extractor.extract(html, "").text().length();
        ToIntFunction<String> parse = html -> Jsoup.parse(html).body().text().length();
        // alternate the two so neither benefits from a later, warmer JIT
        warmUp(pages, extract);
        warmUp(pages, parse);
        double extractorRate = 0;
        double jsoupRate = 0;
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            extractorRate = Math.max(extractorRate, measure(pages, extract, 1));
            jsoupRate = Math.max(jsoupRate, measure(pages, parse, 1));
        }
        return new Result(pages.size(), extractorRate, jsoupRate, extractorRate / jsoupRate);
    }

    private void warmUp(List<String> pages, ToIntFunction<String> work) {
        long start = System.nanoTime();
        for (int round = 0; round < WARM_UP_ROUNDS || System.nanoTime() - start < warmUpNanos; round++) {
            measure(pages, work, 1);
        }
    }

    private static double measure(List<String> pages, ToIntFunction<String> work, int rounds) {
        long sink = 0;
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String page : pages) {
                sink += work.applyAsInt(page);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (sink < 0) {
            throw new IllegalStateException("unreachable: text lengths are never negative");
        }
        return pages.size() * rounds / seconds;
    }
}
