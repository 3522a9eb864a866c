package io.newsflow.app.cli;

import io.newsflow.app.run.Stage;
import picocli.CommandLine.Command;

/** {@code newsflow ingest}: the ingest stage alone, for production and scale-out. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Run the ingest stage (discover and fetch pages) against a Kafka cluster.")
final class IngestCommand extends StageCommand {

    @Override
    Stage stage() {
        return Stage.INGEST;
    }
}
