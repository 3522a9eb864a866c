package io.newsflow.app.cli;

import io.newsflow.app.dashboard.ConsumerLag;
import io.newsflow.app.dashboard.StageGroups;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.metrics.MetricNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsflow stats}: throughput and freshness from the services' {@code /metrics}, and the
 * lag of every consumer group from the broker, printed once or refreshed with {@code --watch}.
 */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        description = "Throughput, consumer lag and freshness per stage, from the broker and the services' /metrics.")
final class StatsCommand implements Callable<Integer> {

    private static final String FRESHNESS = prometheus(MetricNames.FRESHNESS) + "_seconds";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--watch", description = "Refresh every --interval seconds until Ctrl-C.")
    private boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "2",
            description = "Seconds between the two scrapes a rate is computed from, and between refreshes (default ${DEFAULT-VALUE}).")
    private int interval;

    @Option(names = "--http-url", paramLabel = "URL", split = ",", defaultValue = "http://127.0.0.1:8080",
            description = "HTTP base URL of a running newsflow process; repeat or separate with commas for several services "
                    + "(default ${DEFAULT-VALUE}).")
    private List<URI> httpUrls;

    @Mixin
    private ClusterOptions cluster;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** The bearer token the processes require, from the same config (file or environment) they read. */
    private String token = "";

    @Override
    public Integer call() throws InterruptedException {
        if (interval < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--interval must be at least 1 second, was " + interval);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        NewsflowConfig config = cluster.load();
        token = config.parse(CommonConfig.DEFINITION).getPassword(CommonConfig.HTTP_TOKEN).value().strip();
        Map<String, String> stageByGroup = new HashMap<>();
        StageGroups.of(config, EnumSet.allOf(Stage.class)).forEach((stage, group) -> stageByGroup.put(group, stage));
        Properties props = config.kafkaClientProperties();
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        try (Admin admin = Admin.create(props)) {
            ConsumerLag lag = new ConsumerLag(admin, Duration.ofSeconds(5));
            Scrape before = scrape();
            while (true) {
                Thread.sleep(interval * 1000L);
                Scrape after = scrape();
                if (watch && System.console() != null) {
                    out.print("\033[H\033[2J");
                }
                report(out, before, after);
                reportReadiness(out);
                boolean brokerOk = reportLag(out, err, lag, stageByGroup, props.getProperty("bootstrap.servers"));
                out.flush();
                if (!watch) {
                    return brokerOk ? 0 : 1;
                }
                out.println();
                before = after;
            }
        }
    }

    private record Scrape(Instant at, PrometheusScrape metrics, List<String> unreachable) {
    }

    private Scrape scrape() throws InterruptedException {
        List<PrometheusScrape> scrapes = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (URI base : httpUrls) {
            URI metrics = base.resolve("/metrics");
            try {
                HttpResponse<String> response = http.send(request(metrics, Duration.ofSeconds(5)),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    scrapes.add(PrometheusScrape.parse(response.body()));
                } else {
                    unreachable.add(metrics + " (HTTP " + response.statusCode() + ")");
                }
            } catch (IOException e) {
                unreachable.add(metrics + " (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new Scrape(Instant.now(), PrometheusScrape.merge(scrapes), unreachable);
    }

    private void report(PrintWriter out, Scrape before, Scrape after) {
        double seconds = Math.max(1, Duration.between(before.at(), after.at()).toMillis()) / 1000.0;
        out.printf(Locale.ROOT, "newsflow stats at %s, rates over the last %.0f s%n", after.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), seconds);
        for (String url : after.unreachable()) {
            out.println("metrics unreachable: " + url);
        }
        out.printf(Locale.ROOT, "%-20s %12s %10s%n", "", "total", "per s");
        String fetch = prometheus(MetricNames.FETCH_PAGES) + "_total";
        Predicate<Map<String, String>> fetchOk = l -> MetricNames.FETCH_SUCCEEDED.contains(l.getOrDefault(MetricNames.TAG_OUTCOME, ""));
        row(out, "pages fetched", before, after, seconds, s -> s.sum(fetch, fetchOk));
        row(out, "fetch errors", before, after, seconds, s -> s.sum(fetch, fetchOk.negate()));
        row(out, "articles enriched", before, after, seconds,
                s -> s.sum(prometheus(MetricNames.ENRICH_RECORDS) + "_total", l -> "article".equals(l.get(MetricNames.TAG_OUTCOME))));
        row(out, "rows stored", before, after, seconds,
                s -> s.sum(prometheus(MetricNames.SINK_ROWS) + "_total", l -> "written".equals(l.get(MetricNames.TAG_OUTCOME))));
        row(out, "dead letters", before, after, seconds, s -> s.sum(prometheus(MetricNames.DEAD_LETTERS) + "_total", l -> true));
        PrometheusScrape m = after.metrics();
        double count = m.sum(FRESHNESS + "_count", l -> true);
        if (count == 0) {
            out.println("freshness (fetch -> stored): no article stored yet");
        } else {
            out.printf(Locale.ROOT, "freshness (fetch -> stored, since start): p50 %s  p90 %s  p99 %s  max %s  (%d articles)%n",
                    duration(m.quantile(FRESHNESS, 0.5)), duration(m.quantile(FRESHNESS, 0.9)),
                    duration(m.quantile(FRESHNESS, 0.99)), duration(m.max(FRESHNESS + "_max")), (long) count);
        }
    }

    /**
     * A GET carrying the {@code newsflow.http.token} of {@code --config} or the environment, so
     * stats works against processes that require one.
     */
    private HttpRequest request(URI uri, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** One line per process: its {@code /ready} checks, e.g. {@code broker ok, storage ok, sink ok}. */
    private void reportReadiness(PrintWriter out) throws InterruptedException {
        for (URI base : httpUrls) {
            URI ready = base.resolve("/ready");
            try {
                HttpResponse<String> response = http.send(request(ready, Duration.ofSeconds(10)),
                        HttpResponse.BodyHandlers.ofString());
                out.printf(Locale.ROOT, "%s %s: %s%n", base, response.statusCode() == 200 ? "ready" : "NOT READY",
                        String.join(", ", response.body().strip().lines().toList()));
            } catch (IOException e) {
                // already reported as unreachable with the metrics
            }
        }
    }

    private static void row(PrintWriter out, String label, Scrape before, Scrape after, double seconds,
            java.util.function.ToDoubleFunction<PrometheusScrape> value) {
        double now = value.applyAsDouble(after.metrics());
        double rate = Math.max(0, now - value.applyAsDouble(before.metrics())) / seconds;
        out.printf(Locale.ROOT, "%-20s %12d %10.1f%n", label, (long) now, rate);
    }

    private boolean reportLag(PrintWriter out, PrintWriter err, ConsumerLag lag, Map<String, String> stageByGroup,
            String bootstrap) throws InterruptedException {
        List<ConsumerLag.GroupLag> groups;
        try {
            groups = lag.all();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            err.println("stats: cannot read consumer groups from Kafka at " + bootstrap + ": " + rootMessage(e));
            return false;
        }
        out.printf(Locale.ROOT, "%-32s %-7s %10s %10s  %s%n", "consumer group", "stage", "lag", "partitions", "topics");
        for (ConsumerLag.GroupLag g : groups) {
            out.printf(Locale.ROOT, "%-32s %-7s %10s %10d  %s%n", g.group(), stageByGroup.getOrDefault(g.group(), "-"),
                    g.partitions() == 0 ? "-" : String.valueOf(g.lag()), g.partitions(), String.join(",", g.topics()));
        }
        if (groups.isEmpty()) {
            out.println("(no consumer groups yet)");
        }
        return true;
    }

    private static String duration(double seconds) {
        if (Double.isNaN(seconds)) {
            return "-";
        }
        return seconds < 1 ? Math.round(seconds * 1000) + " ms" : String.format(Locale.ROOT, "%.2f s", seconds);
    }

    /** The Prometheus name of a Micrometer name, before the unit and type suffixes. */
    static String prometheus(String micrometerName) {
        return micrometerName.replace('.', '_');
    }

    private static String rootMessage(@Nullable Throwable e) {
        Throwable root = e;
        while (root != null && root.getCause() != null) {
            root = root.getCause();
        }
        return root == null ? "unknown error" : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
