package io.newsflow.app.cli;

import io.newsflow.app.sources.SourceHealthReader;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.SourceHealth;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow sources}: the health of every source, worst first, from {@code newsflow.source-health}. */
@Command(name = "sources",
        mixinStandardHelpOptions = true,
        description = "The health of every source (failing, blocked, silent, quiet, ok), worst first.")
final class SourcesCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    private ClusterOptions cluster;

    @Option(names = "--json", description = "Print each source as one JSON line (source-health/1 schema).")
    private boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Seconds to wait for the broker (default ${DEFAULT-VALUE}).")
    private int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SourceHealth> sources;
        try {
            sources = SourceHealthReader.read(cluster.load().kafkaClientProperties(), Duration.ofSeconds(timeoutSeconds));
        } catch (KafkaException e) {
            spec.commandLine().getErr().println("cannot read source health: " + e.getMessage());
            return 1;
        }
        if (json) {
            sources.forEach(s -> out.println(new String(JsonCodec.encode(s), StandardCharsets.UTF_8)));
        } else if (sources.isEmpty()) {
            out.println("no source health yet (sources report after their first poll)");
        } else {
            out.printf(Locale.ROOT, "%-8s %-24s %-20s %-13s %6s %8s %9s %9s %7s  %s%n", "STATUS", "SOURCE", "LAST POLL", "OUTCOME",
                    "ERRORS", "NEW 24H", "BASELINE", "EXTRACTED", "BLOCKED", "REASON");
            for (SourceHealth s : sources) {
                out.printf(Locale.ROOT, "%-8s %-24s %-20s %-13s %6d %8d %9.1f %8.0f%% %6.0f%%  %s%n", s.status().label(),
                        s.source(), time(s.lastPollAt()), s.lastPollOutcome() == null ? "-" : s.lastPollOutcome(), s.errorStreak(),
                        Math.max(s.stored24h(), s.found24h()), Math.max(s.storedBaseline(), s.foundBaseline()),
                        s.extractedShare() * 100, s.blockedShare() * 100, s.reason());
            }
        }
        out.flush();
        return 0;
    }

    private static String time(Instant at) {
        return at == null ? "-" : at.toString().substring(0, 19).replace('T', ' ');
    }
}
