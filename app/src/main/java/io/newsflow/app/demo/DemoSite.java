package io.newsflow.app.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the small news site bundled in the app's resources under {@code demo/} on a local port,
 * so {@code newsflow up --demo} shows articles arriving with no internet. {@code DEMO_HOST} in the
 * feed, sitemap and robots.txt is replaced by the address actually served.
 */
public final class DemoSite implements AutoCloseable {

    /** The article pages of the site, relative to its root. */
    public static final List<String> ARTICLES = List.of(
            "commentary/china-north-korea-climate.html",
            "news/asean-trade-talks.html",
            "news/arctic-council.html",
            "news/georgia-statehouse.html");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "xml", "application/xml; charset=utf-8",
            "txt", "text/plain; charset=utf-8");

    /** The port the demo site prefers. */
    public static final int DEFAULT_PORT = 8089;

    private static final Logger LOG = LoggerFactory.getLogger(DemoSite.class);

    private final HttpServer server;

    private DemoSite(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the site on {@link #DEFAULT_PORT}, so its URLs, and with them the article ids, stay the
     * same each time {@code up --demo} restarts on the same data; on a free port when that one is taken.
     */
    public static DemoSite startOnDefaultPort() {
        try {
            return start(DEFAULT_PORT);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof BindException)) {
                throw e;
            }
            LOG.warn("demo site: port {} is taken, serving on a free port: its articles get new ids this run", DEFAULT_PORT);
            return start(0);
        }
    }

    /** Starts the site on 127.0.0.1 and the given port (0 picks a free one). */
    public static DemoSite start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            DemoSite site = new DemoSite(server);
            server.createContext("/", site::handle);
            server.start();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the demo site: " + e.getMessage(), e);
        }
    }

    /** The site's root URL, ending in a slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public List<String> articleUrls() {
        return ARTICLES.stream().map(path -> baseUrl() + path).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/")) {
                path += "index.html";
            }
            byte[] body = path.contains("..") ? null : resource("demo" + path);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String extension = path.substring(path.lastIndexOf('.') + 1);
            if (!"html".equals(extension)) {
                String host = "127.0.0.1:" + server.getAddress().getPort();
                body = new String(body, StandardCharsets.UTF_8).replace("DEMO_HOST", host).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoSite.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
