package io.newsflow.benchmarks;

import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.Extraction;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Main-content extraction per page, beside bare jsoup parsing of the same page. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ExtractionBenchmark {

    @Param(BenchmarkPages.DEFAULT_DIR)
    public String dir;

    private List<String> pages;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private int next;

    @Setup
    public void load() {
        pages = BenchmarkPages.load(dir);
    }

    private String nextPage() {
        String page = pages.get(next);
        next = (next + 1) % pages.size();
        return page;
    }

    @Benchmark
    public Extraction extract() {
        return extractor.extract(nextPage(), "https://example.org/article");
    }

    @Benchmark
    public String jsoupParseAndText() {
        return Jsoup.parse(nextPage()).body().text();
    }
}
