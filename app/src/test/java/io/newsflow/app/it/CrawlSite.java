package io.newsflow.app.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One news site for the crawler integration tests: robots.txt pointing at a sitemap, an RSS feed
 * and a number of article pages. It counts every request per path and remembers the most article
 * requests it ever served at the same time, which is how "never fetched concurrently" is checked.
 */
final class CrawlSite implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, byte[]> extra = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final int articles;
    private final long articleServeMillis;

    /**
     * @param articles how many articles the feed and sitemap list
     * @param articleServeMillis how long the server takes to answer an article, so overlapping requests would show
     */
    CrawlSite(int articles, long articleServeMillis) {
        this.articles = articles;
        this.articleServeMillis = articleServeMillis;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (extra.containsKey(path)) {
                send(exchange, "text/html; charset=utf-8", extra.get(path));
            } else if (path.equals("/robots.txt")) {
                send(exchange, "text/plain", ("User-agent: *\nDisallow: /private/\nSitemap: " + url("/sitemap.xml") + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/feed.xml")) {
                StringBuilder items = new StringBuilder();
                for (String article : articlePaths()) {
                    items.append("<item><title>t</title><link>").append(url(article)).append("</link></item>");
                }
                send(exchange, "application/rss+xml", ("<rss version=\"2.0\"><channel><title>site</title><link>" + url("/")
                        + "</link><description>d</description>" + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/sitemap.xml")) {
                StringBuilder urls = new StringBuilder();
                for (String article : articlePaths()) {
                    urls.append("<url><loc>").append(url(article)).append("</loc></url>");
                }
                send(exchange, "application/xml", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + urls + "</urlset>").getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith("/news/")) {
                int now = inFlight.incrementAndGet();
                maxInFlight.accumulateAndGet(now, Math::max);
                try {
                    Thread.sleep(articleServeMillis); // the server's own pace, so overlapping requests would overlap
                    send(exchange, "text/html; charset=utf-8", ("<html><head><title>" + path + "</title></head><body><h1>" + path
                            + "</h1><p>Reporting from " + path + ".</p></body></html>").getBytes(StandardCharsets.UTF_8));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.decrementAndGet();
                }
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Serves an extra HTML page at a path. */
    void page(String path, String html) {
        extra.put(path, html.getBytes(StandardCharsets.UTF_8));
    }

    List<String> articlePaths() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            paths.add("/news/article-" + i + ".html");
        }
        return paths;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    /** Articles requested at least once. */
    int articlesFetched() {
        return (int) articlePaths().stream().filter(p -> hits(p) > 0).count();
    }

    /** Articles requested more than once. */
    List<String> articlesFetchedTwice() {
        return articlePaths().stream().filter(p -> hits(p) > 1).toList();
    }

    int maxConcurrentArticleRequests() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
