package io.newsflow.app.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.core.lifecycle.DaemonThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * A local news site of numbered articles whose content can be revised while a test runs, listed in
 * {@code /sitemap.xml}. It answers conditional requests (ETag, Last-Modified) with 304 when nothing
 * changed and logs every article request, so a test can tell a refetch from a cheap revalidation.
 */
final class NewsSite implements AutoCloseable {

    /** One request as the site saw it, and when ({@link System#nanoTime()}). */
    record Request(String path, boolean conditional, int status, long atNanos) {
    }

    private final HttpServer server;
    private final int articles;
    private final Map<String, Integer> revisions = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final List<String> foreignLinks = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;

    NewsSite(int articles) {
        this.articles = articles;
        IntStream.range(0, articles).forEach(i -> revisions.put(path(i), 1));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, DaemonThreads.factory("news-site")));
        server.createContext("/", this::handle);
        server.start();
    }

    private static String path(int article) {
        return String.format("/news/story-%03d.html", article);
    }

    List<String> urls() {
        return IntStream.range(0, articles).mapToObj(i -> url(i)).toList();
    }

    String url(int article) {
        return base() + path(article);
    }

    /** A listing page linking to every article and to the foreign links added with {@link #linkTo}. */
    String indexUrl() {
        return base() + "/index.html";
    }

    /** Adds a link to another site to the index page. */
    void linkTo(String url) {
        foreignLinks.add(url);
    }

    /** Serves a 302 to {@code target} at {@code path}; returns the redirecting URL. */
    String redirect(String path, String target) {
        redirects.put(path, target);
        return base() + path;
    }

    String sitemapUrl() {
        return base() + "/sitemap.xml";
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The article a logged request asked for. */
    String url(Request request) {
        return base() + request.path();
    }

    /**
     * Ingest settings that crawl this site: its sitemap polled every second and its articles as start
     * URLs, pages revalidated (and failed ones retried) once a second, no politeness delay (the site's own pace sets the rate),
     * and the SSRF guard opened for loopback, where the site lives.
     */
    Map<String, Object> crawlSettings() {
        return Map.of(
                "newsflow.ingest.start.urls", urls(),
                "newsflow.ingest.sources", List.of(Map.of("name", "news-site", "type", "sitemap",
                        "url", sitemapUrl(), "interval.ms", 1000)),
                "newsflow.ingest.fetch.allow.private", true,
                "newsflow.ingest.fetch.delay.ms", 0,
                "newsflow.ingest.refetch.interval.ms", 1000,
                // the crawler holds back a URL it published within the retry interval, fetched or not
                "newsflow.ingest.retry.interval.ms", 1000);
    }

    /** Publishes a new revision of an article: its text and ETag change. */
    void revise(int article) {
        revisions.merge(path(article), 1, Integer::sum);
    }

    int revision(int article) {
        return revisions.get(path(article));
    }

    /** The token in an article's text that names its current revision. */
    String marker(int article) {
        return marker(article, revision(article));
    }

    static String marker(int article, int revision) {
        return "story" + article + "edition" + revision;
    }

    /** Slows every response down, so a crawl of the site lasts long enough to fault it midway. */
    void delay(Duration perResponse) {
        this.delay = perResponse;
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/sitemap.xml")) {
                send(exchange, "application/xml; charset=utf-8", sitemap());
                return;
            }
            if (path.equals("/index.html")) {
                send(exchange, "text/html; charset=utf-8", index());
                return;
            }
            String target = redirects.get(path);
            if (target != null) {
                synchronized (requests) {
                    requests.add(new Request(path, false, 302, System.nanoTime()));
                }
                exchange.getResponseHeaders().set("Location", target);
                exchange.sendResponseHeaders(302, -1);
                return;
            }
            Integer revision = revisions.get(path);
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            boolean conditional = ifNoneMatch != null || ifModifiedSince != null;
            int status;
            if (revision == null) {
                status = 404;
            } else if (etag(path, revision).equals(ifNoneMatch)
                    || (ifNoneMatch == null && lastModified(revision).equals(ifModifiedSince))) {
                status = 304;
            } else {
                status = 200;
            }
            synchronized (requests) {
                requests.add(new Request(path, conditional, status, System.nanoTime()));
            }
            pause();
            if (status != 200) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            int article = Integer.parseInt(path.replaceAll("\\D", ""));
            exchange.getResponseHeaders().set("ETag", etag(path, revision));
            exchange.getResponseHeaders().set("Last-Modified", lastModified(revision));
            send(exchange, "text/html; charset=utf-8", html(article, revision));
        }
    }

    private static void send(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String index() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Harbour Times</title></head><body><ul>\n");
        urls().forEach(u -> html.append("<li><a href=\"").append(u).append("\">story</a></li>\n"));
        foreignLinks.forEach(u -> html.append("<li><a href=\"").append(u).append("\">elsewhere</a></li>\n"));
        return html.append("</ul></body></html>\n").toString();
    }

    private String sitemap() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        urls().forEach(u -> xml.append("  <url><loc>").append(u).append("</loc></url>\n"));
        return xml.append("</urlset>\n").toString();
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String etag(String path, int revision) {
        return "\"" + Integer.toHexString(path.hashCode()) + "-" + revision + "\"";
    }

    private static String lastModified(int revision) {
        return String.format("Mon, 02 Nov 2026 %02d:00:00 GMT", revision % 24);
    }

    static String html(int article, int revision) {
        String marker = marker(article, revision);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Harbour story %1$d | Harbour Times</title>
                <meta property="og:title" content="Harbour story %1$d"></head>
                <body>
                <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
                <article>
                  <h1>Harbour story %1$d</h1>
                  <p>The harbour board met on Monday to discuss item %1$d on its agenda, reference %2$s, and voted to keep the container terminal open through the night.</p>
                  <p>Board chair Maria Lindqvist said the longer hours would cut waiting times for ships from Rotterdam and Hamburg by almost a day, according to the minutes.</p>
                  <p>The union welcomed the decision but asked for new safety lighting before the first night shift starts, a request the board promised to consider in April.</p>
                </article>
                <footer>&copy; Harbour Times</footer>
                </body>
                </html>
                """.formatted(article, marker);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
