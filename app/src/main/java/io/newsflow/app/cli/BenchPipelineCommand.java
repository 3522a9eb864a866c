package io.newsflow.app.cli;

import io.newsflow.app.bench.PipelineBench;
import io.newsflow.core.config.NewsflowConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsflow bench pipeline}: fetched-to-stored throughput beside its two baselines. */
@Command(name = "pipeline",
        mixinStandardHelpOptions = true,
        description = "Serve N pages locally, run ingest -> enrich -> sink on an embedded broker and SQLite, "
                + "and measure it beside Kafka-only and parse-only baselines; prints one JSON line. "
                + "NEWSFLOW_* environment variables tune the pipeline as they do for up.")
final class BenchPipelineCommand implements Callable<Integer> {

    private static final Duration PACED_FOR = Duration.ofSeconds(20);

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "Pages per second offered for 20 s in the freshness phase (default: half the measured peak).")
    private double rate;

    @Mixin
    private BenchPagesOptions bench;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        bench.check(spec);
        if (rate < 0) {
            throw new ParameterException(spec.commandLine(), "--rate must not be negative");
        }
        PipelineBench.Settings settings = new PipelineBench.Settings(bench.warmup, bench.pages, rate, PACED_FOR,
                Duration.ofSeconds(bench.duration));
        PipelineBench.Result result = new PipelineBench(bench.html, settings, NewsflowConfig.load(null, System.getenv()), System.err).run();
        JsonLine.print(spec, result);
        return 0;
    }
}
