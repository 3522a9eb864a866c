package io.newsflow.app.cli;

import io.newsflow.app.bench.PipelineBench;
import io.newsflow.core.json.JsonCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsflow bench pipeline}: fetched-to-stored throughput beside its two baselines. */
@Command(name = "pipeline",
        mixinStandardHelpOptions = true,
        description = "Serve N pages locally, run ingest -> enrich -> sink on an embedded broker and SQLite, "
                + "and measure it beside Kafka-only and parse-only baselines; prints one JSON line.")
final class BenchPipelineCommand implements Callable<Integer> {

    @Option(names = "--html", paramLabel = "DIR", defaultValue = "../shared/data/extraction/aeb-dev/html",
            description = "Directory of .html or .html.gz pages to serve (default ${DEFAULT-VALUE}).")
    private Path html;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "2000",
            description = "Pages to serve, cycling through DIR under distinct URLs (default ${DEFAULT-VALUE}).")
    private int pages;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "300",
            description = "Give up after this many seconds (default ${DEFAULT-VALUE}).")
    private int duration;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CliFiles.requireDirectory(spec, "--html", html);
        PipelineBench.Result result = new PipelineBench(html, pages, Duration.ofSeconds(duration), System.err).run();
        System.out.println(JsonCodec.MAPPER.writeValueAsString(result));
        return 0;
    }
}
