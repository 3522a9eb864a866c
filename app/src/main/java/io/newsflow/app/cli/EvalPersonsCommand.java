package io.newsflow.app.cli;

import io.newsflow.app.eval.tagging.PersonEval;
import io.newsflow.enrich.tag.person.PersonTagger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow eval persons}: exact-match PER precision, recall and F1 on a CoNLL file. */
@Command(name = "persons",
        mixinStandardHelpOptions = true,
        description = "Score person spans on a CoNLL-2003 file (IOB1 or IOB2), document by document, "
                + "with conlleval exact-match semantics; prints one JSON line.")
final class EvalPersonsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--conll", paramLabel = "FILE", required = true, description = "Annotated CoNLL file.")
    private Path conll;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Model file from 'train persons' (default: the model shipped in the jar).")
    private @Nullable Path model;

    @Override
    public Integer call() throws Exception {
        CliFiles.requireReadable(spec, conll);
        PersonTagger tagger;
        if (model == null) {
            tagger = PersonTagger.shipped();
        } else {
            CliFiles.requireReadable(spec, model);
            tagger = PersonTagger.load(model);
        }
        JsonLine.print(spec, PersonEval.run(tagger, conll));
        return 0;
    }
}
