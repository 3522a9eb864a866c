package io.newsflow.app.cli;

import io.newsflow.core.lifecycle.Stage;
import picocli.CommandLine.Command;

/** {@code newsflow sink}: the sink stage alone, for production and scale-out. */
@Command(name = "sink", mixinStandardHelpOptions = true, description = "Run the sink stage (store articles in SQLite or PostgreSQL) against a Kafka cluster.")
final class SinkCommand extends StageCommand {

    @Override
    Stage stage() {
        return Stage.SINK;
    }
}
