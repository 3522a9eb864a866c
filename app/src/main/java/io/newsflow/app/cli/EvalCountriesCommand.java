package io.newsflow.app.cli;

import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.app.eval.tagging.CountryEval;
import io.newsflow.app.eval.tagging.GeoWebNews;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow eval countries}: document-level (and mention-level) country tagging scores. */
@Command(name = "countries",
        mixinStandardHelpOptions = true,
        description = "Score country tagging on JSON lines {\"id\",\"text\",\"countries\":[ISO2...]} or on "
                + "GeoWebNews XML: micro P/R/F1 over (document, country) pairs, and per mention when the "
                + "gold marks mentions; prints one JSON line.")
final class EvalCountriesCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    static final class Input {
        @Option(names = "--jsonl", paramLabel = "FILE", required = true, description = "Annotated JSON lines.")
        @Nullable Path jsonl;

        @Option(names = "--geowebnews", paramLabel = "FILE", required = true,
                description = "GeoWebNews XML (geowebnews.xml).")
        @Nullable Path geowebnews;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Input input;

    @Option(names = "--reference", paramLabel = "DIR",
            description = "GeoNames countryInfo and nationality tables that map GeoWebNews places to countries "
                    + "(default: the 'reference' directory beside the GeoWebNews file).")
    private @Nullable Path reference;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Also write one JSON line per document tagged wrong: the gold countries missed "
                    + "and the countries found that the gold lacks, with each mention in context.")
    private @Nullable Path errors;

    @Override
    public Integer call() throws Exception {
        if (errors == null) {
            return score(null);
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(errors), true, StandardCharsets.UTF_8)) {
            return score(out);
        }
    }

    private Integer score(@Nullable PrintStream errorLines) throws Exception {
        CountryEval.Result result;
        if (input.jsonl != null) {
            if (reference != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--reference goes with --geowebnews");
            }
            CliFiles.requireReadable(spec, input.jsonl);
            result = CountryEval.run(ArticleTagger.shipped(), input.jsonl, errorLines);
        } else {
            Path xml = input.geowebnews;
            CliFiles.requireReadable(spec, xml);
            Path dir = reference != null ? reference : xml.toAbsolutePath().resolveSibling("reference");
            CliFiles.requireDirectory(spec, "--reference", dir);
            GeoWebNews.Corpus corpus = GeoWebNews.read(xml, dir);
            result = CountryEval.score(ArticleTagger.shipped(), corpus.documents(), corpus.skipped(), errorLines);
        }
        JsonLine.print(spec, result);
        return 0;
    }
}
