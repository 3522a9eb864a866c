package io.newsflow.app.bench;

import static java.util.Objects.requireNonNull;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.json.Decimals;
import io.newsflow.core.progress.Progress;
import io.newsflow.core.record.UrlStatus;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.state.UrlStateStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Drives the crawler state ({@link UrlStateStore}) on an embedded broker: records N URL statuses
 * through the path the fetcher uses, then measures the live heap with N URLs known, lookups of
 * random known and unknown URLs on one thread, an instance restarted on its local state and one
 * restoring every partition from the topic on an empty data dir.
 */
public final class FrontierBench {

    private static final int HOSTS = 10_000;
    private static final Duration LOOKUP_TIME = Duration.ofSeconds(10);
    private static final List<Integer> ALL = IntStream.range(0, TopicBootstrap.PARTITIONS).boxed().toList();

    /**
     * One run's figures.
     *
     * @param recordSeconds time to record the N statuses (local write and send, acknowledged)
     * @param liveHeapMb heap in use after a full collection, N URLs known, broker included
     * @param residentMb the process's peak resident memory (VmHWM), broker and RocksDB included
     * @param stateMbPerMillionUrls disk used by the local state per million URLs
     * @param topicMbPerMillionUrls log segments of {@code newsflow.url-status} per million URLs (zstd, before compaction)
     */
    public record Result(String bench, long urls, double recordSeconds, long liveHeapMb, long residentMb, double restoreSeconds,
            double restartSeconds, long lookupsPerSecond, double lookupHitRatio, double stateMbPerMillionUrls,
            double topicMbPerMillionUrls, long cacheBytes, long writeBufferBytes, long maxHeapMb) {
    }

    private final long urls;
    private final Path dir;
    private final IngestConfig config;
    private final PrintStream log;

    /** @param config the ingest settings whose state memory ({@code newsflow.ingest.state.*}) the run uses */
    public FrontierBench(long urls, Path dir, IngestConfig config, PrintStream log) {
        this.config = requireNonNull(config, "config");
        if (urls < 1) {
            throw new IllegalArgumentException("urls must be positive");
        }
        this.urls = urls;
        this.dir = requireNonNull(dir, "dir");
        this.log = requireNonNull(log, "log");
    }

    /** The URL of the i-th status: hosts in turn, so every partition gets its share. */
    static String url(long i) {
        return "https://www.news-" + (i % HOSTS) + ".example/2026/03/" + i + "/story-about-something.html";
    }

    public Result run() {
        long cacheBytes = config.stateCacheBytes();
        long writeBufferBytes = config.stateWriteBufferBytes();
        Duration retention = config.stateRetention();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, KafkaClients.maxMessageBytes(CommonConfig.DEFAULT_PAGE_MAX_BYTES))) {
            Properties props = new Properties();
            props.put("bootstrap.servers", kafka.bootstrapServers());
            TopicBootstrap.ensureTopics(props, CommonConfig.DEFAULT_PAGE_MAX_BYTES);
            Path local = dir.resolve("state");
            double recordSeconds;
            long liveHeapMb;
            long lookupsPerSecond;
            double hitRatio;
            try (UrlStateStore store = new UrlStateStore(props, local, cacheBytes, writeBufferBytes, retention)) {
                store.start();
                store.assign(ALL);
                long started = System.nanoTime();
                Instant now = Instant.now();
                try (Progress progress = Progress.toStderr("record url statuses", urls)) {
                    for (long i = 0; i < urls; i++) {
                        store.record(new UrlStatus(url(i), now, 200, "ok", sha(i), "\"" + Long.toHexString(i) + "\"",
                                "Mon, 02 Mar 2026 08:00:00 GMT"));
                        if (i % 10_000 == 9_999) {
                            progress.advance(10_000);
                        }
                    }
                    store.flush();
                }
                recordSeconds = seconds(started);
                liveHeapMb = liveHeapMegabytes();
                log.printf("recorded %d statuses in %.1f s; live heap %d MB%n", urls, recordSeconds, liveHeapMb);
                long[] counts = lookups(store);
                lookupsPerSecond = counts[0];
                hitRatio = counts[1] / (double) counts[2];
            }
            long restartStarted = System.nanoTime();
            try (UrlStateStore restarted = new UrlStateStore(props, local, cacheBytes, writeBufferBytes, retention)) {
                restarted.start();
                restarted.assign(ALL);
                requireKnown(restarted);
            }
            double restartSeconds = seconds(restartStarted);
            log.printf("restart on local state: %.1f s%n", restartSeconds);
            long restoreStarted = System.nanoTime();
            try (UrlStateStore fresh = new UrlStateStore(props, dir.resolve("new-machine"), cacheBytes, writeBufferBytes, retention)) {
                fresh.start();
                fresh.assign(ALL);
                requireKnown(fresh);
            }
            double restoreSeconds = seconds(restoreStarted);
            log.printf("restore on an empty data dir: %.1f s%n", restoreSeconds);
            double millions = urls / 1e6;
            return new Result("frontier", urls, Decimals.round(recordSeconds, 2), liveHeapMb, residentMegabytes(),
                    Decimals.round(restoreSeconds, 2), Decimals.round(restartSeconds, 2), lookupsPerSecond, Decimals.round(hitRatio, 3),
                    Decimals.round(megabytes(local) / millions, 1), Decimals.round(topicLogMegabytes(dir.resolve("kafka")) / millions, 1),
                    cacheBytes, writeBufferBytes, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    /** Lookups of random URLs, half known and half not, on this thread: {per second, hits, lookups}. */
    private long[] lookups(UrlStateStore store) {
        SplittableRandom random = new SplittableRandom(42);
        // warm-up, so the JIT has compiled the lookup path
        for (int i = 0; i < 200_000; i++) {
            store.get(url(random.nextLong(urls * 2)));
        }
        long hits = 0;
        long count = 0;
        long started = System.nanoTime();
        long deadline = started + LOOKUP_TIME.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1_000; i++) {
                if (store.get(url(random.nextLong(urls * 2))) != null) {
                    hits++;
                }
            }
            count += 1_000;
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return new long[] {Math.round(count / elapsed), hits, count};
    }

    private void requireKnown(UrlStateStore store) {
        for (long i = 0; i < urls; i += Math.max(1, urls / 1_000)) {
            if (store.get(url(i)) == null) {
                throw new IllegalStateException("status of " + url(i) + " missing after the store came up");
            }
        }
    }

    private static String sha(long i) {
        String hex = Long.toHexString(i * 0x9E3779B97F4A7C15L);
        return (hex + hex + hex + hex + "0000000000000000000000000000000000000000000000000000000000000000").substring(0, 64);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The heap left by a full collection that did run: {@link HeapSampler} says why a bare System.gc() is not enough. */
    private static long liveHeapMegabytes() {
        try (HeapSampler heap = new HeapSampler()) {
            return heap.liveMegabytes();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the live heap", e);
        }
    }

    /** Peak resident set of this process, from /proc (0 where there is none). */
    private static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** The log segments of {@code newsflow.url-status} (index files are preallocated, so not counted). */
    private static double topicLogMegabytes(Path kafkaDir) {
        try (Stream<Path> files = Files.walk(kafkaDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")
                            && p.getParent().getFileName().toString().startsWith("newsflow.url-status-"))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0;
                        }
                    }).sum() / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double megabytes(Path path) {
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum() / (1024.0 * 1024.0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
