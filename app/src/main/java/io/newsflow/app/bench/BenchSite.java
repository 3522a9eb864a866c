package io.newsflow.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Serves {@code count} pages at {@code /p/<i>.html}, cycling through the given bodies so every URL
 * is distinct. The pages are spread over several hosts (127.0.0.1, 127.0.0.2, ...: all loopback),
 * as a real crawl spreads over many sites, so per-host politeness does not serialise the run.
 */
final class BenchSite implements AutoCloseable {

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<byte[]> bodies;
    private final int count;

    BenchSite(List<byte[]> bodies, int count, int hosts) {
        this.bodies = bodies;
        this.count = count;
        try {
            for (int host = 1; host <= hosts; host++) {
                HttpServer server = HttpServer.create(
                        new InetSocketAddress(InetAddress.getByName("127.0.0." + host), 0), 256);
                server.setExecutor(executor);
                server.createContext("/p/", this::page);
                server.start();
                servers.add(server);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start the bench site: " + e.getMessage(), e);
        }
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring(3);
            int index = Integer.parseInt(name.substring(0, name.indexOf('.')));
            if (index < 0 || index >= count) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = bodies.get(index % bodies.size());
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (NumberFormatException e) {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    /** Every page's URL; page i is served by host i modulo the number of hosts. */
    List<String> urls() {
        return IntStream.range(0, count).mapToObj(i -> {
            InetSocketAddress address = servers.get(i % servers.size()).getAddress();
            return "http://" + address.getHostString() + ":" + address.getPort() + "/p/" + i + ".html";
        }).toList();
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
