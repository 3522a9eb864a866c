package io.newsflow.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code newsflow bench ...}: speed measurements, each printing one JSON line. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure speed side by side with baselines; prints one JSON line.",
        subcommands = {
            BenchPipelineCommand.class,
            BenchReplayCommand.class,
            BenchFrontierCommand.class,
            BenchExtractionCommand.class,
            BenchTaggingCommand.class,
            SinkBenchCommand.class
        })
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }
}
