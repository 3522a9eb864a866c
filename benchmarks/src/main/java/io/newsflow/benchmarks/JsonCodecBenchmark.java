package io.newsflow.benchmarks;

import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
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

/** Encoding and decoding a page record of a real page's size, as every stage does per record. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class JsonCodecBenchmark {

    @Param(BenchmarkPages.DEFAULT_DIR)
    public String dir;

    private Page page;
    private byte[] json;
    private byte[] record;

    @Setup
    public void load() {
        String html = BenchmarkPages.load(dir).get(0);
        String url = "https://example.org/article";
        page = new Page(url, url, url, "bench", Instant.now(), 200, "text/html", "UTF-8", null, null,
                ArticleId.sha256Hex(html), false, html);
        json = JsonCodec.encode(page);
        record = Topics.PAGES.valueSerde().serializer().serialize(Topics.PAGES.name(), page);
    }

    @Benchmark
    public byte[] encodePage() {
        return JsonCodec.encode(page);
    }

    @Benchmark
    public Page decodePage() {
        return JsonCodec.decode(json, Page.class);
    }

    /** The page as {@code newsflow.pages} carries it (page/2): metadata JSON, then the HTML unescaped. */
    @Benchmark
    public byte[] serializePageRecord() {
        return Topics.PAGES.valueSerde().serializer().serialize(Topics.PAGES.name(), page);
    }

    @Benchmark
    public Page deserializePageRecord() {
        return Topics.PAGES.valueSerde().deserializer().deserialize(Topics.PAGES.name(), record);
    }
}
