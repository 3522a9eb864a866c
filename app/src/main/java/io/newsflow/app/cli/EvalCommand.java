package io.newsflow.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newsflow eval ...}: quality measurements, each printing one JSON line. */
@Command(name = "eval",
        mixinStandardHelpOptions = true,
        description = "Measure quality on annotated data; prints one JSON line.",
        subcommands = {
            EvalExtractionCommand.class,
            EvalPersonsCommand.class,
            EvalPersonIdentityCommand.class,
            EvalCountriesCommand.class,
            EvalSyndicationCommand.class
        })
final class EvalCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }
}
