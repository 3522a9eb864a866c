package io.newsflow.app.cli;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options every long-running command shares; given options win over the config file and environment. */
final class ConfigOptions {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--http-port", paramLabel = "PORT", description = "HTTP port for metrics, health, API and dashboard (default 8080).")
    Integer httpPort;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Directory for local state (default ./data).")
    Path dataDir;

    /** The config file and environment, with the given options on top. */
    NewsflowConfig load() {
        Map<String, Object> overrides = new HashMap<>();
        if (httpPort != null) {
            overrides.put(CommonConfig.HTTP_PORT, httpPort);
        }
        if (dataDir != null) {
            overrides.put(CommonConfig.DATA_DIR, dataDir.toString());
        }
        return cluster.load().with(overrides);
    }
}
