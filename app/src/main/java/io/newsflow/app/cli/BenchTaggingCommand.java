package io.newsflow.app.cli;

import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.app.eval.tagging.TaggingBench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow bench tagging}: single-thread tokens per second of the article tagger. */
@Command(name = "tagging",
        mixinStandardHelpOptions = true,
        description = "Tag the documents of a CoNLL file as article text on one thread, after warm-up "
                + "rounds; prints one JSON line.")
final class BenchTaggingCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--conll", paramLabel = "FILE", required = true, description = "CoNLL file of documents.")
    private Path conll;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "Uncounted warm-up rounds (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Measured rounds (default ${DEFAULT-VALUE}).")
    private int rounds;

    @Override
    public Integer call() throws Exception {
        CliFiles.requireReadable(spec, conll);
        if (rounds < 1 || warmup < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rounds must be >= 1, --warmup >= 0");
        }
        TaggingBench.Result result = TaggingBench.run(ArticleTagger.shipped(), conll, warmup, rounds);
        JsonLine.print(spec, result);
        return 0;
    }
}
