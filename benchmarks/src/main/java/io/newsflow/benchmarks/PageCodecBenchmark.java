package io.newsflow.benchmarks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.MemoryRecordsBuilder;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;
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

/**
 * A page's trip through a codec as {@code newsflow.pages} makes it: the producer compresses a
 * batch holding one page (a 150 KB page mostly fills a batch of its own), the broker and enrich
 * each read it back. Cycles through the AEB pages; compare {@code compress + 2 × read} between
 * codecs, and see docs/performance.md for what each costs in room.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PageCodecBenchmark {

    private static final byte[] KEY = "https://example.org/2026/12/07/article.html".getBytes(StandardCharsets.UTF_8);

    @Param(BenchmarkPages.DEFAULT_DIR)
    public String dir;

    @Param({"zstd", "lz4", "none"})
    public String codec;

    private Compression compression;
    private List<byte[]> pages;
    private MemoryRecords[] batches;
    private int next;

    @Setup
    public void load() {
        compression = switch (codec) {
            // the level KafkaClients gives every other producer
            case "zstd" -> Compression.zstd().level(1).build();
            case "lz4" -> Compression.lz4().build();
            default -> Compression.NONE;
        };
        pages = BenchmarkPages.load(dir).stream().map(html -> html.getBytes(StandardCharsets.UTF_8)).toList();
        batches = pages.stream().map(this::batchOf).toArray(MemoryRecords[]::new);
    }

    @Benchmark
    public MemoryRecords compress() {
        next = (next + 1) % pages.size();
        return batchOf(pages.get(next));
    }

    @Benchmark
    public long read() {
        next = (next + 1) % batches.length;
        long bytes = 0;
        for (RecordBatch batch : batches[next].batches()) {
            for (Record record : batch) {
                ByteBuffer value = record.value();
                byte[] copy = new byte[value.remaining()];
                value.get(copy);
                bytes += copy.length;
            }
        }
        return bytes;
    }

    private MemoryRecords batchOf(byte[] page) {
        MemoryRecordsBuilder builder = MemoryRecords.builder(ByteBuffer.allocate(16 * 1024), RecordBatch.CURRENT_MAGIC_VALUE,
                compression, TimestampType.CREATE_TIME, 0L);
        builder.append(System.currentTimeMillis(), KEY, page);
        return builder.build();
    }
}
