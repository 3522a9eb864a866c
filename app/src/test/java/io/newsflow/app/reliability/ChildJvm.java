package io.newsflow.app.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code newsflow} command in a JVM of its own, so a test can kill it the way the kernel's OOM
 * killer or a power cut would: no shutdown hook, no offset commit, no transaction ended.
 */
final class ChildJvm implements AutoCloseable {

    private static final Pattern HTTP_URL = Pattern.compile("HTTP http://[^:]+:(\\d+)/");

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code newsflow ARGS...} with the test's classpath, its output going to {@code log}. */
    static ChildJvm newsflow(Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "io.newsflow.app.cli.Newsflow"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("NEWSFLOW_LOG_LEVEL", "INFO");
        return new ChildJvm(builder.start(), log);
    }

    /** Waits for the process to log that it runs, and returns its HTTP port. */
    int awaitRunning(Duration timeout) throws Exception {
        String line = Eventually.await("newsflow running in " + log, timeout, this::runningLine,
                found -> found != null || !process.isAlive());
        if (line == null) {
            throw new AssertionError("child exited with " + process.exitValue() + " before running; log:\n" + tail());
        }
        Matcher m = HTTP_URL.matcher(line);
        if (!m.find()) {
            throw new AssertionError("no HTTP port in: " + line);
        }
        return Integer.parseInt(m.group(1));
    }

    private String runningLine() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("newsflow running:"))
                .findFirst().orElse(null);
    }

    /** SIGKILL: the process gets no chance to clean up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("child did not die");
        }
    }

    /** SIGTERM: the graceful shutdown an operator would ask for. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The end of the child's log, for failure messages. */
    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
