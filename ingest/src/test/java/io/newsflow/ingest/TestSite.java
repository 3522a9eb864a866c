package io.newsflow.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.ingest.http.AddressGuard;
import io.newsflow.ingest.http.FetchLimits;
import io.newsflow.ingest.http.HttpFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP site the ingest tests start: routes answer with fixed bodies or misbehave on purpose.
 * Everything the crawler does to it is counted per path.
 */
public final class TestSite implements AutoCloseable {

    /** Small limits so hostile cases end quickly. */
    public static final FetchLimits LIMITS = new FetchLimits("newsflow-test/1.0 (+http://example.org/contact)",
            Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2), 64 * 1024, 3);

    /** Answers one exchange. */
    @FunctionalInterface
    public interface Route {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(DaemonThreads.factory("test-site"));
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    public TestSite() {
        this(InetAddress.getLoopbackAddress(), 0);
    }

    /** A site on a given address and port (0: any free port), e.g. a second loopback address. */
    public TestSite(InetAddress address, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                Route route = routes.get(path);
                if (route == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                route.answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the crawler hung up on a hostile route: that is the point
            }
        });
        server.start();
    }

    public TestSite route(String path, Route route) {
        routes.put(path, route);
        return this;
    }

    public TestSite serve(String path, String contentType, String body) {
        return serve(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public TestSite serve(String path, String contentType, byte[] body) {
        return route(path, exchange -> send(exchange, 200, contentType, body));
    }

    public TestSite html(String path, String body) {
        return serve(path, "text/html; charset=utf-8", body);
    }

    public TestSite redirect(String path, int status, String location) {
        return route(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
        });
    }

    /** A route that accepts the request and never answers, until the site closes. */
    public TestSite silent(String path) {
        return route(path, exchange -> closed.await());
    }

    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    public String url(String path) {
        return "http://" + authority() + path;
    }

    /** host:port, as the SSRF allow-list names a host. */
    public String authority() {
        return server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** An HTTP client whose SSRF guard lets only the given sites through. */
    public static HttpFetcher fetcherAllowing(FetchLimits limits, TestSite... sites) {
        return new HttpFetcher(limits, AddressGuard.of(false, List.of(sites).stream().map(TestSite::authority).toList()));
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
