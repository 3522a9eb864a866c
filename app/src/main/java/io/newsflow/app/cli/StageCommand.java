package io.newsflow.app.cli;

import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** Runs one stage as a long-running service against an existing Kafka cluster. */
abstract class StageCommand implements Callable<Integer> {

    @Mixin
    private ConfigOptions options;

    abstract Stage stage();

    /** The stage's own options on top of the loaded config; none by default. */
    NewsflowConfig configure(NewsflowConfig config) {
        return config;
    }

    @Override
    public Integer call() throws InterruptedException {
        RunningProcess process = RunningProcess.start(configure(options.load()), EnumSet.of(stage()), null, false);
        return ProcessSignals.runUntilStopped(process);
    }
}
