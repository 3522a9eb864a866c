package io.newsflow.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newsflow train ...}: trains the models the project ships. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = "Train a model from annotated data; prints one JSON line.",
        subcommands = {
            TrainPersonsCommand.class
        })
final class TrainCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }
}
