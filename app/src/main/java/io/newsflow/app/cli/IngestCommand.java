package io.newsflow.app.cli;

import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code newsflow ingest}: the ingest stage alone, for production and scale-out. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Run the ingest stage (discover and fetch pages) against a Kafka cluster.")
final class IngestCommand extends StageCommand {

    @Mixin
    private SourceOptions sources;

    @Override
    Stage stage() {
        return Stage.INGEST;
    }

    @Override
    NewsflowConfig configure(NewsflowConfig config) {
        return sources.applyTo(config);
    }
}
