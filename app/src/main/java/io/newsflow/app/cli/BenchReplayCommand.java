package io.newsflow.app.cli;

import io.newsflow.app.bench.ReplayBench;
import io.newsflow.core.config.NewsflowConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newsflow bench replay}: backfill throughput, WARC files replayed to stored articles. */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = "Write N pages as gzipped WARC files, replay them as newsflow replay does through enrich -> sink "
                + "on an embedded broker and SQLite, and measure replay start to all stored; prints one JSON line. "
                + "NEWSFLOW_* environment variables tune the pipeline as they do for up.")
final class BenchReplayCommand implements Callable<Integer> {

    @Mixin
    private BenchPagesOptions bench;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        bench.check(spec);
        ReplayBench.Settings settings = new ReplayBench.Settings(bench.warmup, bench.pages, Duration.ofSeconds(bench.duration));
        ReplayBench.Result result = new ReplayBench(bench.html, settings, NewsflowConfig.load(null, System.getenv()), System.err).run();
        JsonLine.print(spec, result);
        return 0;
    }
}
