package io.newsflow.app.cli;

import io.newsflow.core.json.JsonCodec;
import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.enrich.tag.eval.CountryEval;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow eval countries}: document-level (and mention-level) country tagging scores. */
@Command(name = "countries",
        mixinStandardHelpOptions = true,
        description = "Score country tagging on JSON lines {\"id\",\"text\",\"countries\":[ISO2...]}: micro "
                + "P/R/F1 over (document, country) pairs, and per mention when lines carry 'mentions'; "
                + "prints one JSON line.")
final class EvalCountriesCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--jsonl", paramLabel = "FILE", required = true, description = "Annotated JSON lines.")
    private Path jsonl;

    @Override
    public Integer call() throws Exception {
        CliFiles.requireReadable(spec, jsonl);
        System.out.println(JsonCodec.MAPPER.writeValueAsString(CountryEval.run(ArticleTagger.shipped(), jsonl)));
        return 0;
    }
}
