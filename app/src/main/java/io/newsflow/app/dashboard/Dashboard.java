package io.newsflow.app.dashboard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.search.Search;
import io.newsflow.app.http.AdminServer;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.json.Decimals;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.lifecycle.Service;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.status.HostStatus;
import io.newsflow.core.status.StatusSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live dashboard of one process: the page at {@code /} and {@code /dashboard}, its assets, and
 * the JSON it polls under {@code /dashboard/api/}. The page builds the DOM from the JSON with
 * {@code textContent} only, and the content security policy forbids inline script, so a title
 * containing {@code <script>} is shown, never run.
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    private static final String ASSETS = "dashboard/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");
    // no inline script, no third-party origin: the page works offline and data cannot become code
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final MeterRegistry registry;
    private final List<? extends Service> services;
    private final ThroughputSampler sampler;
    private final @Nullable LagGauges lag;
    private final ArticleFeed feed;
    private final SignalFeed signals;

    private Dashboard(MeterRegistry registry, List<? extends Service> services, ThroughputSampler sampler,
            @Nullable LagGauges lag, ArticleFeed feed, SignalFeed signals) {
        this.registry = registry;
        this.services = services;
        this.sampler = sampler;
        this.lag = lag;
        this.feed = feed;
        this.signals = signals;
    }

    /**
     * Starts the lag gauges, article and signal feeds of a process and serves the dashboard on
     * {@code http}, charting what {@code sampler} samples and the lag of {@code groups} (stage tag to
     * consumer group, from {@link StageGroups}). Both are the caller's: the sampler is started before
     * the stages, so that a crawl faster than the stages' start-up is on the charts too.
     */
    public static Dashboard start(AdminServer http, NewsflowConfig config, MeterRegistry registry,
            List<? extends Service> services, ThroughputSampler sampler, Map<String, String> groups) {
        requireNonNull(http, "http");
        requireNonNull(sampler, "sampler");
        requireNonNull(groups, "groups");
        LagGauges lag = groups.isEmpty() ? null
                : new LagGauges(config.kafkaClientProperties(), groups, registry, Duration.ofSeconds(2));
        ArticleFeed feed = ArticleFeed.start(config.kafkaClientProperties(), Clock.systemUTC());
        SignalFeed signals = SignalFeed.start(config.kafkaClientProperties());
        Dashboard dashboard = new Dashboard(registry, List.copyOf(services), sampler, lag, feed, signals);
        http.route("/", dashboard::serveRoot);
        http.route("/dashboard", dashboard::serveDashboard);
        return dashboard;
    }

    private void serveRoot(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            AdminServer.send(exchange, 404, "text/plain", "not found\n");
            return;
        }
        serveDashboard(exchange);
    }

    private void serveDashboard(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            AdminServer.send(exchange, 405, "text/plain", "method not allowed\n");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        exchange.getResponseHeaders().set("Content-Security-Policy", CSP);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        switch (path) {
            case "/", "/dashboard", "/dashboard/" -> asset(exchange, "index.html");
            case "/dashboard/api/throughput" -> json(exchange, sampler.snapshot());
            case "/dashboard/api/freshness" -> json(exchange, freshness());
            case "/dashboard/api/articles" -> json(exchange, feed.snapshot());
            case "/dashboard/api/sources" -> json(exchange, sources());
            case "/dashboard/api/signals" -> json(exchange, signals.snapshot());
            default -> asset(exchange, path.substring("/dashboard/".length()));
        }
    }

    private static void asset(HttpExchange exchange, String name) throws IOException {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        // only plain file names: no directories, so nothing outside the assets can be asked for
        if (type == null || !name.matches("[a-z0-9-]+\\.[a-z]+")) {
            AdminServer.send(exchange, 404, "text/plain", "not found\n");
            return;
        }
        try (InputStream in = Dashboard.class.getClassLoader().getResourceAsStream(ASSETS + name)) {
            if (in == null) {
                AdminServer.send(exchange, 404, "text/plain", "not found\n");
                return;
            }
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void json(HttpExchange exchange, Object value) throws IOException {
        String body;
        try {
            body = JsonCodec.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IOException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        AdminServer.send(exchange, 200, "application/json; charset=utf-8", body);
    }

    /** Freshness over the last two minutes (Micrometer's decaying window) and since start. */
    Freshness freshness() {
        return freshnessOf(Search.in(registry).name(MetricNames.FRESHNESS).timer());
    }

    /**
     * The freshness figures of a timer. A window with no samples has percentiles and max of 0,
     * which would read as "stored instantly": they are left out (null) instead, as before the
     * first article.
     */
    static Freshness freshnessOf(@Nullable Timer timer) {
        if (timer == null) {
            return new Freshness(0, null, null, Map.of());
        }
        HistogramSnapshot snapshot = timer.takeSnapshot();
        boolean windowEmpty = true;
        for (ValueAtPercentile p : snapshot.percentileValues()) {
            windowEmpty &= !(p.value(TimeUnit.SECONDS) > 0);
        }
        Map<String, Double> percentiles = new LinkedHashMap<>();
        for (ValueAtPercentile p : snapshot.percentileValues()) {
            percentiles.put("p" + Math.round(p.percentile() * 100), windowEmpty ? null : Decimals.round(p.value(TimeUnit.SECONDS), 3));
        }
        double max = snapshot.max(TimeUnit.SECONDS);
        return new Freshness(snapshot.count(), snapshot.count() == 0 ? null : Decimals.round(snapshot.mean(TimeUnit.SECONDS), 3),
                max > 0 ? Decimals.round(max, 3) : null, percentiles);
    }

    /**
     * Fetch-to-stored latency, in seconds.
     *
     * @param count articles stored since the process started
     * @param meanSeconds mean since start, null before the first
     * @param maxSeconds largest in the recent window, null when it is empty
     * @param percentiles {@code p50}, {@code p90}, {@code p99} over the recent window, null values when it is empty
     */
    record Freshness(long count, @Nullable Double meanSeconds, @Nullable Double maxSeconds, Map<String, Double> percentiles) {
    }

    Sources sources() {
        List<StageState> stages = new ArrayList<>();
        List<HostStatus> hosts = new ArrayList<>();
        boolean reported = false;
        for (Service service : services) {
            stages.add(new StageState(service.name(), service.isHealthy()));
            if (service instanceof StatusSource source) {
                try {
                    hosts.addAll(source.hosts());
                    reported = true;
                } catch (RuntimeException e) {
                    // a stage's bug must not take the whole dashboard down; the table shows none
                    LOG.warn("stage {} cannot report its hosts: {}", service.name(), e.toString());
                }
            }
        }
        return new Sources(stages, reported, hosts);
    }

    /**
     * The stages of this process and the hosts the ingest stage reports.
     *
     * @param hostsReported whether a running stage reports host state at all (an ingest stage that
     *     does not implement {@link StatusSource} reports none, which is not the same as no hosts)
     */
    record Sources(List<StageState> stages, boolean hostsReported, List<HostStatus> hosts) {
    }

    record StageState(String name, boolean running) {
    }

    @Override
    public void close() {
        feed.close();
        signals.close();
        if (lag != null) {
            lag.close();
        }
    }
}
