package io.newsflow.app.http;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.lifecycle.Service;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP server every newsflow process runs: {@code /health} (the process is alive),
 * {@code /ready} (broker and storage reachable, every stage running; 503 otherwise) and {@code /metrics}
 * (Prometheus text format). More routes (API, dashboard) are added with {@link #route}. With a
 * token configured, every route but {@code /health} requires it, so a liveness probe needs no secret.
 */
public final class AdminServer implements AutoCloseable {

    private static final String HEALTH = "/health";

    private final HttpServer server;
    private final ExecutorService executor;
    private final @Nullable BearerTokenAuthenticator authenticator;

    private AdminServer(HttpServer server, ExecutorService executor, @Nullable BearerTokenAuthenticator authenticator) {
        this.server = server;
        this.executor = executor;
        this.authenticator = authenticator;
    }

    /**
     * Starts the server.
     *
     * @param dependencies readiness checks beyond the services' own, by name, e.g. {@code broker}
     *     (reachable) and {@code storage} (reachable); each is reported on its own line
     * @param token the bearer token every route but {@code /health} requires; empty for none
     */
    public static AdminServer start(String bind, int port, PrometheusMeterRegistry registry,
            List<? extends Service> services, Map<String, BooleanSupplier> dependencies, String token) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(4, DaemonThreads.factory("newsflow-http"));
            server.setExecutor(executor);
            AdminServer admin = new AdminServer(server, executor,
                    token.isEmpty() ? null : new BearerTokenAuthenticator(token));
            admin.route(HEALTH, exchange -> send(exchange, 200, "text/plain", "ok\n"));
            ReadinessChecks readiness = new ReadinessChecks(dependencies, services, registry);
            admin.route("/ready", exchange -> {
                ReadinessChecks.Report report = readiness.run();
                send(exchange, report.ready() ? 200 : 503, "text/plain", report.body());
            });
            admin.route("/metrics", exchange -> send(exchange, 200,
                    "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
            server.start();
            return admin;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the HTTP server on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Adds a route; handlers run on the server's small thread pool. */
    public void route(String path, HttpHandler handler) {
        HttpContext context = server.createContext(path, exchange -> {
            try (exchange) {
                // a response is what its Content-Type says: JSON echoing "<script>" never renders as HTML
                exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
                handler.handle(exchange);
            }
        });
        if (authenticator != null && !path.equals(HEALTH)) {
            context.setAuthenticator(authenticator);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
