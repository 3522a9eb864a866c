package io.newsflow.app.cli;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every long-running command shares; given options win over the config file and environment. */
final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML config file.")
    Path configFile;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port for metrics, health, API and dashboard (default 8080).")
    Integer httpPort;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory for local state (default ./data).")
    Path dataDir;

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers of an existing cluster.")
    String kafkaBootstrap;

    /** The config file and environment, with the given options on top. */
    NewsflowConfig load() {
        NewsflowConfig config = NewsflowConfig.load(configFile, System.getenv());
        Map<String, Object> overrides = new HashMap<>();
        if (httpPort != null) {
            overrides.put(CommonConfig.HTTP_PORT, httpPort);
        }
        if (dataDir != null) {
            overrides.put(CommonConfig.DATA_DIR, dataDir.toString());
        }
        if (kafkaBootstrap != null) {
            overrides.put(CommonConfig.BOOTSTRAP_SERVERS, kafkaBootstrap);
        }
        return config.with(overrides);
    }
}
