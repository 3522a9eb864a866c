package io.newsflow.app.cli;

import io.newsflow.app.run.RunningProcess;
import io.newsflow.app.run.Stage;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** Runs one stage as a long-running service against an existing Kafka cluster. */
abstract class StageCommand implements Callable<Integer> {

    @Mixin
    private ConfigOptions options;

    abstract Stage stage();

    @Override
    public Integer call() throws InterruptedException {
        RunningProcess process = RunningProcess.start(options.load(), EnumSet.of(stage()), null, false);
        return ProcessSignals.runUntilStopped(process);
    }
}
