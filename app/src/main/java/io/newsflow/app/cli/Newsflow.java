package io.newsflow.app.cli;

import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code newsflow} command line; {@code main} only executes it. */
@Command(name = "newsflow",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Event-driven news ingestion: crawl, enrich and store news articles through Kafka.",
        subcommands = {
            UpCommand.class,
            IngestCommand.class,
            EnrichCommand.class,
            SinkCommand.class,
            TopicsCommand.class,
            ReplayCommand.class,
            TailCommand.class,
            StatsCommand.class,
            SourcesCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            TrainCommand.class,
            DlqCommand.class,
            ReprocessCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Newsflow implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with newsflow's conventions; tests execute it directly. */
    public static CommandLine commandLine() {
        return new CommandLine(new Newsflow())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Newsflow::reportConfigError);
    }

    /** A config mistake is the user's to fix: one line naming it and the usage exit code, no stack trace. */
    private static int reportConfigError(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
        if (!(e instanceof ConfigException)) {
            throw e;
        }
        commandLine.getErr().println(commandLine.getCommandName() + ": " + e.getMessage());
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}
