package io.newsflow.app.cli;

import io.newsflow.enrich.tag.person.PersonTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow train persons}: trains the person (named-entity) sequence model. */
@Command(name = "persons",
        mixinStandardHelpOptions = true,
        description = "Train the averaged-perceptron person tagger on CoNLL files (IOB1 or IOB2) "
                + "and write the gzip model; prints one JSON line.")
final class TrainPersonsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--conll", paramLabel = "FILE", arity = "1..*", required = true,
            description = "CoNLL training files: token first, tag last, -DOCSTART- between documents.")
    private List<Path> conll;

    @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Model file to write.")
    private Path out;

    @Option(names = "--lexicon", paramLabel = "FILE", arity = "1..*",
            description = "CoNLL files to learn the name lexicon from instead of the training files; "
                    + "corpora the model does not train on teach it how far to trust the lexicon.")
    private List<Path> lexicon = new ArrayList<>();

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20",
            description = "Passes over the training data (default ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the document shuffle (default ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        List<Path> inputs = new ArrayList<>(conll);
        inputs.addAll(lexicon);
        inputs.forEach(file -> CliFiles.requireReadable(spec, file));
        if (epochs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--epochs must be at least 1");
        }
        PersonTrainer.Result result = new PersonTrainer(epochs, seed).train(conll, lexicon, out);
        JsonLine.print(spec, result);
        return 0;
    }
}
