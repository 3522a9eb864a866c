package io.newsflow.app.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Serves {@code count} pages at {@code /p/<i>.html}, cycling through the given bodies so every URL
 * is distinct, plus a sitemap of them all at {@code /sitemap.xml}.
 */
final class BenchSite implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<byte[]> bodies;
    private final int count;

    BenchSite(List<byte[]> bodies, int count) {
        this.bodies = bodies;
        this.count = count;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/p/", exchange -> {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring(3);
                int index = Integer.parseInt(name.substring(0, name.indexOf('.')));
                if (index < 0 || index >= count) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                send(exchange, "text/html; charset=utf-8", bodies.get(index % bodies.size()));
            } catch (NumberFormatException e) {
                exchange.sendResponseHeaders(404, -1);
            }
        });
        server.createContext("/sitemap.xml", exchange -> {
            try (exchange) {
                StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
                urls().forEach(url -> xml.append("<url><loc>").append(url).append("</loc></url>\n"));
                send(exchange, "application/xml", xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
    }

    private static void send(com.sun.net.httpserver.HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> urls() {
        return IntStream.range(0, count).mapToObj(i -> baseUrl() + "/p/" + i + ".html").toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
