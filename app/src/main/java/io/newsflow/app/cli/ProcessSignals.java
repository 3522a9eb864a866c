package io.newsflow.app.cli;

import io.newsflow.app.run.RunningProcess;

/** Keeps a process running until SIGTERM or Ctrl-C, then stops it gracefully. */
final class ProcessSignals {

    private ProcessSignals() {
    }

    static int runUntilStopped(RunningProcess process) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(process::close, "newsflow-shutdown"));
        process.awaitStopped();
        return 0;
    }
}
