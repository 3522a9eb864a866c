package io.newsflow.app.cli;

import io.newsflow.app.run.RunningProcess;
import io.newsflow.app.run.Stage;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow up}: broker, every stage and SQLite in one process. */
@Command(name = "up",
        mixinStandardHelpOptions = true,
        description = "Run everything in one process: an embedded Kafka broker, ingest, enrich, sink to SQLite, HTTP.")
final class UpCommand implements Callable<Integer> {

    @Mixin
    private ConfigOptions options;

    @Option(names = "--demo", description = "Serve the bundled demo site on a local port and crawl it (works offline).")
    private boolean demo;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the embedded broker (default ${DEFAULT-VALUE}); ignored with --kafka-bootstrap.")
    private int kafkaPort;

    @Override
    public Integer call() throws InterruptedException {
        Integer embeddedPort = options.kafkaBootstrap == null ? kafkaPort : null;
        RunningProcess process = RunningProcess.start(options.load(), EnumSet.allOf(Stage.class), embeddedPort, demo);
        return ProcessSignals.runUntilStopped(process);
    }
}
