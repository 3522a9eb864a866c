package io.newsflow.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of the benches that push a page set through the pipeline ({@code bench pipeline}, {@code bench replay}). */
final class BenchPagesOptions {

    @Option(names = "--html", paramLabel = "DIR", defaultValue = "../shared/data/extraction/aeb-dev/html",
            description = "Directory of .html or .html.gz pages (default ${DEFAULT-VALUE}).")
    Path html;

    @Option(names = "--pages", paramLabel = "N", defaultValue = "2000",
            description = "Pages measured, cycling through DIR under distinct URLs (default ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1000",
            description = "Pages run through first, reported apart, so the JIT has compiled the hot paths "
                    + "(default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "300",
            description = "Give up when a phase takes longer than this many seconds (default ${DEFAULT-VALUE}).")
    int duration;

    /** Rejects a missing page directory and counts out of range, with the command's usage. */
    void check(CommandSpec spec) {
        CliFiles.requireDirectory(spec, "--html", html);
        if (pages < 1 || warmup < 0 || duration < 1) {
            throw new ParameterException(spec.commandLine(), "--pages and --duration must be positive, --warmup not negative");
        }
    }
}
