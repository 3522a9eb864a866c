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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves page {@code i} of the {@link NearCopies} at {@code /p/<i>.html} for any {@code i >= 0}, so
 * every URL is distinct. The pages are spread over several hosts (127.0.0.1, 127.0.0.2, ...: all loopback),
 * as a real crawl spreads over many sites, so per-host politeness does not serialise the run.
 */
final class BenchSite implements AutoCloseable {

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private static final Pattern PAGE = Pattern.compile("/p/(\\d{1,9})\\.html$");

    private final NearCopies pages;

    BenchSite(NearCopies pages, int hosts) {
        this.pages = pages;
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
            int index = page(exchange.getRequestURI().getPath());
            if (index < 0) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            NearCopies.Utf8Page body = pages.utf8(index);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length());
            try (OutputStream out = exchange.getResponseBody()) {
                body.writeTo(out);
            }
        }
    }

    /** The URL of page i, served by host i modulo the number of hosts. */
    String url(int page) {
        InetSocketAddress address = servers.get(page % servers.size()).getAddress();
        return "http://" + address.getHostString() + ":" + address.getPort() + "/p/" + page + ".html";
    }

    /** The page number of a bench URL or path, or -1 when it names no page. */
    static int page(String urlOrPath) {
        Matcher m = PAGE.matcher(urlOrPath);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Override
    public void close() {
        servers.forEach(server -> server.stop(0));
        executor.shutdownNow();
    }
}
