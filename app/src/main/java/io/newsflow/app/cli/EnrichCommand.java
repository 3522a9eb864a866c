package io.newsflow.app.cli;

import io.newsflow.core.lifecycle.Stage;
import picocli.CommandLine.Command;

/** {@code newsflow enrich}: the enrich stage alone, for production and scale-out. */
@Command(name = "enrich", mixinStandardHelpOptions = true, description = "Run the enrich stage (Kafka Streams: extract, tag) against a Kafka cluster.")
final class EnrichCommand extends StageCommand {

    @Override
    Stage stage() {
        return Stage.ENRICH;
    }
}
