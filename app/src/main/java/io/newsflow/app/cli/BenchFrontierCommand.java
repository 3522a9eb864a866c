package io.newsflow.app.cli;

import io.newsflow.app.bench.FrontierBench;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.ingest.IngestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsflow bench frontier}: the crawler state's memory, lookups, restart and restore for N known URLs. */
@Command(name = "frontier",
        mixinStandardHelpOptions = true,
        description = "Record N URL statuses in the crawler state on an embedded broker, then measure live heap, "
                + "lookups per second, restart on local state and restore on an empty data dir; prints one JSON line. "
                + "NEWSFLOW_INGEST_STATE_* environment variables set the state's memory as they do for ingest.")
final class BenchFrontierCommand implements Callable<Integer> {

    @Option(names = "--urls", paramLabel = "N", defaultValue = "1000000",
            description = "URL statuses to record (default ${DEFAULT-VALUE}).")
    private long urls;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the broker and the state live (default: a temporary directory, deleted afterwards).")
    private @Nullable Path dataDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (urls < 1) {
            throw new ParameterException(spec.commandLine(), "--urls must be positive");
        }
        if (dataDir != null && Files.exists(dataDir) && !isEmptyDirectory(dataDir)) {
            throw new ParameterException(spec.commandLine(), "--data-dir " + dataDir + " must be empty or absent: the bench starts from nothing");
        }
        Path dir = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("newsflow-bench-frontier");
        try {
            IngestConfig config = new IngestConfig(NewsflowConfig.load(null, System.getenv()));
            FrontierBench.Result result = new FrontierBench(urls, dir, config, System.err).run();
            JsonLine.print(spec, result);
            return 0;
        } finally {
            if (dataDir == null) {
                Utils.delete(dir.toFile());
            }
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
