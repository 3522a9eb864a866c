package io.newsflow.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.core.json.Decimals;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.app.eval.extraction.ExtractionBench;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow bench extraction}: extractor pages/s beside a bare jsoup parse of the same pages. */
@Command(name = "extraction",
        mixinStandardHelpOptions = true,
        description = "Pages/s of the extractor (single thread, after warm-up) beside bare "
                + "Jsoup.parse(html).body().text() on the same pages, and their ratio; prints one JSON line.")
final class BenchExtractionCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--html", paramLabel = "DIR", required = true,
            description = "Directory of <id>.html or <id>.html.gz pages.")
    private Path html;

    @Option(names = "--warm-up", paramLabel = "S", defaultValue = "5",
            description = "Warm each side up for at least this many seconds first (default ${DEFAULT-VALUE}).")
    private int warmUpSeconds;

    @Override
    public Integer call() throws Exception {
        CliFiles.requireDirectory(spec, "--html", html);
        if (warmUpSeconds < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--warm-up: must be >= 0, was " + warmUpSeconds);
        }
        ExtractionBench.Result result = new ExtractionBench(Duration.ofSeconds(warmUpSeconds)).run(html);
        ObjectNode line = JsonCodec.MAPPER.createObjectNode()
                .put("pages", result.pages())
                .put("extractorPagesPerSecond", Decimals.round(result.extractorPagesPerSecond(), 1))
                .put("jsoupPagesPerSecond", Decimals.round(result.jsoupPagesPerSecond(), 1))
                .put("ratio", Decimals.round(result.ratio(), 3));
        JsonLine.print(spec, line);
        return 0;
    }
}
