package io.newsflow.app.cli;

import io.newsflow.app.bench.PipelineBench;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.json.JsonCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--html", paramLabel = "DIR", defaultValue = "../shared/data/extraction/aeb-dev/html",
            description = "Directory of .html or .html.gz pages to serve (default ${DEFAULT-VALUE}).")
    private Path html;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "2000",
            description = "Pages to serve, cycling through DIR under distinct URLs (default ${DEFAULT-VALUE}).")
    private int pages;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000",
            description = "Pages run through the pipeline first, not counted, so the JIT has compiled the hot paths "
                    + "(default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "Pages per second offered for 20 s in the freshness phase (default: half the measured peak).")
    private double rate;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "300",
            description = "Give up when a phase takes longer than this many seconds (default ${DEFAULT-VALUE}).")
    private int duration;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliFiles.requireDirectory(spec, "--html", html);
        if (pages < 1 || warmup < 0 || rate < 0) {
            throw new ParameterException(spec.commandLine(), "--pages must be positive, --warmup and --rate not negative");
        }
        PipelineBench.Settings settings = new PipelineBench.Settings(warmup, pages, rate, PACED_FOR,
                Duration.ofSeconds(duration));
        PipelineBench.Result result = new PipelineBench(html, settings, NewsflowConfig.load(null, System.getenv()), System.err).run();
        System.out.println(JsonCodec.MAPPER.writeValueAsString(result));
        return 0;
    }
}
