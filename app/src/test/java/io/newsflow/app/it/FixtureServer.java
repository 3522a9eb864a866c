package io.newsflow.app.it;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A local HTTP server serving test fixture pages from {@code src/test/resources/pages/}. */
final class FixtureServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> overrides = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();

    FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = overrides.containsKey(path) ? overrides.get(path) : resource("pages" + path);
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", types.getOrDefault(path, "text/html; charset=utf-8"));
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    /** Serves {@code body} at {@code path} instead of the fixture file. */
    void serve(String path, String body) {
        overrides.put(path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Serves {@code body} as {@code contentType} (a feed, a sitemap) at {@code path}. */
    void serve(String path, String contentType, String body) {
        types.put(path, contentType);
        serve(path, body);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = FixtureServer.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
