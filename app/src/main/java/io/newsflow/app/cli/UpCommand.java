package io.newsflow.app.cli;

import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.ingest.IngestConfig;
import java.util.EnumSet;
import java.util.Map;
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

    @Mixin
    private SourceOptions sources;

    @Option(names = "--demo", description = "Serve the bundled demo site on 127.0.0.1:8089 and crawl it (works offline).")
    private boolean demo;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Port of the embedded broker (default ${DEFAULT-VALUE}); ignored with --kafka-bootstrap.")
    private int kafkaPort;

    @Override
    public Integer call() throws InterruptedException {
        Integer embeddedPort = options.cluster.kafkaBootstrap == null ? kafkaPort : null;
        NewsflowConfig config = sources.applyTo(options.load());
        boolean noSources = !config.values().containsKey(IngestConfig.SOURCES) && !config.values().containsKey(IngestConfig.START_URLS);
        if (!demo && options.cluster.configFile == null && noSources) {
            // a first run with nothing configured still crawls something real
            config = config.with(Map.of(IngestConfig.SOURCES, IngestConfig.defaultSources()));
        }
        RunningProcess process = RunningProcess.start(config, EnumSet.allOf(Stage.class), embeddedPort, demo);
        return ProcessSignals.runUntilStopped(process);
    }
}
