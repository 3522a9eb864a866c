package io.newsflow.app.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.core.topic.HostKey;
import io.newsflow.ingest.fetch.HostPartitioner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * News sites on distinct loopback addresses (127.0.0.2, 127.0.0.3, ...), each with robots.txt, an
 * RSS feed and articles that appear over time. Every site counts its requests of every kind, when
 * its feed was asked for, and the most requests it ever served at once: the politeness a crawler
 * cluster owes a site, seen from the site.
 */
final class LoopbackNewsHosts implements AutoCloseable {

    /** One site. */
    static final class Site {
        final HttpServer server;
        final String base;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final List<Long> feedPolls = new CopyOnWriteArrayList<>();
        final Map<String, AtomicInteger> articleHits = new ConcurrentHashMap<>();
        final AtomicInteger published = new AtomicInteger();

        Site(HttpServer server) {
            this.server = server;
            this.base = "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
        }

        String feed() {
            return base + "/feed.xml";
        }

        String article(int i) {
            return base + "/news/article-" + i + ".html";
        }

        /** Articles requested more than once. */
        List<String> fetchedTwice() {
            return articleHits.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).sorted().toList();
        }

        boolean allFetched() {
            for (int i = 0; i < published.get(); i++) {
                AtomicInteger hits = articleHits.get("/news/article-" + i + ".html");
                if (hits == null || hits.get() == 0) {
                    return false;
                }
            }
            return true;
        }
    }

    private final ExecutorService executor = Executors.newCachedThreadPool();
    final List<Site> sites = new ArrayList<>();

    /**
     * At least {@code minimum} sites, and more until every partition of {@code partitions} holds at
     * least {@code perPartition} of them, so every instance of a group owns some sites.
     */
    LoopbackNewsHosts(int minimum, int partitions, int perPartition, int firstArticles) {
        HostPartitioner partitioner = new HostPartitioner(partitions);
        Map<Integer, Integer> byPartition = new HashMap<>();
        for (int octet = 2; octet < 250 && (sites.size() < minimum || !spread(byPartition, partitions, perPartition)); octet++) {
            Site site = start("127.0.0." + octet, firstArticles);
            int partition = partitioner.partitionOf(HostKey.of(site.base + "/"));
            if (sites.size() >= minimum && byPartition.getOrDefault(partition, 0) >= perPartition) {
                site.server.stop(0);
                continue;
            }
            byPartition.merge(partition, 1, Integer::sum);
            sites.add(site);
        }
    }

    private static boolean spread(Map<Integer, Integer> byPartition, int partitions, int perPartition) {
        for (int p = 0; p < partitions; p++) {
            if (byPartition.getOrDefault(p, 0) < perPartition) {
                return false;
            }
        }
        return true;
    }

    private Site start(String address, int firstArticles) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Site site = new Site(server);
        site.published.set(firstArticles);
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(site, exchange));
        server.start();
        return site;
    }

    /** Every site publishes one more article. */
    void publishOneMore() {
        sites.forEach(s -> s.published.incrementAndGet());
    }

    private static void handle(Site site, HttpExchange exchange) throws IOException {
        int now = site.inFlight.incrementAndGet();
        site.maxInFlight.accumulateAndGet(now, Math::max);
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            // each answer takes a moment, so requests that overlapped would be seen overlapping
            Thread.sleep(40);
            if (path.equals("/robots.txt")) {
                send(exchange, "text/plain", "User-agent: *\nDisallow: /private/\n");
            } else if (path.equals("/feed.xml")) {
                site.feedPolls.add(System.nanoTime());
                StringBuilder items = new StringBuilder();
                for (int i = 0; i < site.published.get(); i++) {
                    items.append("<item><title>t</title><link>").append(site.article(i)).append("</link></item>");
                }
                send(exchange, "application/rss+xml", "<rss version=\"2.0\"><channel><title>site</title><link>" + site.base
                        + "/</link><description>d</description>" + items + "</channel></rss>");
            } else if (path.startsWith("/news/")) {
                site.articleHits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                send(exchange, "text/html; charset=utf-8", "<html><head><title>" + path + "</title></head><body><h1>" + path
                        + "</h1><p>Reported on " + site.base + path + ".</p></body></html>");
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            site.inFlight.decrementAndGet();
        }
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        sites.forEach(s -> s.server.stop(0));
        executor.shutdownNow();
    }
}
