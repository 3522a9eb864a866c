package io.newsflow.app.cli;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.sink.SinkConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of every command that talks to a cluster; given options win over the config file and environment. */
final class ClusterOptions {

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (default " + CommonConfig.DEFAULT_BOOTSTRAP_SERVERS + ").")
    String kafkaBootstrap;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file (see the README's Configuration).")
    Path configFile;

    /** The config file and environment, every key checked against what the stages define. */
    NewsflowConfig load() {
        NewsflowConfig config = NewsflowConfig.load(configFile, System.getenv());
        // one file serves every stage, so a key is known when any stage defines it
        config.requireKnownKeys(List.of(IngestConfig.DEFINITION, EnrichConfig.DEFINITION, SinkConfig.DEFINITION));
        Map<String, Object> overrides = new HashMap<>();
        if (kafkaBootstrap != null) {
            overrides.put(CommonConfig.BOOTSTRAP_SERVERS, kafkaBootstrap);
        }
        return config.with(overrides);
    }
}
