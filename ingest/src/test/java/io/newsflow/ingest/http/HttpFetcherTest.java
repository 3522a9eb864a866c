package io.newsflow.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.record.FetchOutcome;
import io.newsflow.ingest.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpFetcherTest {

    private static final int CAP = TestSite.LIMITS.maxBodyBytes();

    private TestSite site;
    private HttpFetcher http;

    @BeforeEach
    void start() {
        site = new TestSite();
        http = TestSite.fetcherAllowing(TestSite.LIMITS, site);
    }

    @AfterEach
    void stop() {
        http.close();
        site.close();
    }

    private HttpResponseData get(String path) throws FetchException {
        return http.get(URI.create(site.url(path)), Map.of(), type -> true);
    }

    @Test
    void followsRedirectsAndReportsTheFinalUrl() throws Exception {
        site.redirect("/old", 301, "/middle").redirect("/middle", 302, site.url("/new")).html("/new", "<p>here</p>");
        HttpResponseData response = get("/old");
        assertEquals(200, response.status());
        assertEquals(site.url("/new"), response.finalUrl().toString());
        assertEquals("<p>here</p>", new String(response.body(), StandardCharsets.UTF_8));
    }

    @Test
    void stopsARedirectLoop() {
        site.redirect("/a", 302, "/b").redirect("/b", 302, "/a");
        FetchException e = assertThrows(FetchException.class, () -> get("/a"));
        assertEquals(FetchOutcome.REDIRECT_LOOP, e.outcome());
    }

    @Test
    void stopsAfterTheMostRedirectsAllowed() {
        for (int i = 0; i < 6; i++) {
            site.redirect("/hop" + i, 302, "/hop" + (i + 1));
        }
        FetchException e = assertThrows(FetchException.class, () -> get("/hop0"));
        assertEquals(FetchOutcome.TOO_MANY_REDIRECTS, e.outcome());
    }

    @Test
    void refusesARedirectToAnInternalAddress() {
        try (TestSite internal = new TestSite()) {
            internal.html("/admin", "<p>secret</p>");
            site.redirect("/go", 302, internal.url("/admin"));
            FetchException e = assertThrows(FetchException.class, () -> get("/go"));
            assertEquals(FetchOutcome.BLOCKED_ADDRESS, e.outcome());
            assertEquals(0, internal.hits("/admin"), "the internal host was never contacted");
        }
    }

    @Test
    void givesUpOnAServerThatNeverAnswers() {
        site.silent("/hang");
        FetchException e = assertThrows(FetchException.class, () -> get("/hang"));
        assertTrue(e.outcome() == FetchOutcome.CONNECT_TIMEOUT || e.outcome() == FetchOutcome.READ_TIMEOUT
                || e.outcome() == FetchOutcome.TOTAL_TIMEOUT, e.outcome().tag());
    }

    @Test
    void boundsAServerThatTricklesAByteASecondByTheTotalTime() {
        site.route("/trickle", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 10_000);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 10_000; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(500); // the hostile server's pace, not the test's
            }
        });
        FetchException e = assertThrows(FetchException.class, () -> get("/trickle"));
        assertEquals(FetchOutcome.TOTAL_TIMEOUT, e.outcome());
    }

    @Test
    void boundsAServerThatDribblesItsHeadersByTheTotalTime() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            DaemonThreads.start("dribbler", () -> {
                try (java.net.Socket socket = server.accept()) {
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 1000; i++) {
                        out.write("X-Slow: y\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        Thread.sleep(300); // the hostile server's pace, not the test's
                    }
                } catch (IOException | InterruptedException e) {
                    // the crawler hung up
                }
            });
            HttpFetcher open = new HttpFetcher(TestSite.LIMITS, AddressGuard.of(true, java.util.List.of()));
            FetchException e = assertThrows(FetchException.class,
                    () -> open.get(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"), Map.of(), type -> true));
            assertEquals(FetchOutcome.TOTAL_TIMEOUT, e.outcome());
            open.close();
        }
    }

    @Test
    void cutsAnEndlessChunkedBodyAtTheCap() throws Exception {
        site.route("/endless", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            byte[] chunk = "<p>more</p>".repeat(100).getBytes(StandardCharsets.UTF_8);
            while (true) {
                out.write(chunk);
            }
        });
        HttpResponseData response = get("/endless");
        assertTrue(response.truncated());
        assertEquals(CAP, response.body().length);
    }

    @Test
    void cutsAGzipBombAtTheCapAfterDecompression() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        byte[] bomb = compressed.toByteArray();
        site.route("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            TestSite.send(exchange, 200, "text/html", bomb);
        });
        HttpResponseData response = get("/bomb");
        assertTrue(response.truncated());
        assertEquals(CAP, response.body().length, "64 MiB of zeros never reach memory");
    }

    @Test
    void cutsAFiftyMegabytePageAtTheCap() throws Exception {
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) 'a');
        site.route("/huge", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 50L * block.length);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write(block);
                }
            }
        });
        HttpResponseData response = get("/huge");
        assertTrue(response.truncated());
        assertEquals(CAP, response.body().length);
    }

    @Test
    void sizesTheBodyBufferByTheDeclaredLengthOnlyWithinTheCapAndWhenNotEncoded() {
        int cap = 10 * 1024 * 1024;
        assertEquals(150_000, HttpFetcher.initialCapacity(150_000, null, cap));
        assertEquals(1 << 20, HttpFetcher.initialCapacity(5L * 1024 * 1024 * 1024, null, cap), "a declared 5 GiB is not believed");
        assertEquals(1000, HttpFetcher.initialCapacity(5000, null, 1000), "never past the page cap");
        assertEquals(64 * 1024, HttpFetcher.initialCapacity(-1, null, cap), "no declared length");
        assertEquals(64 * 1024, HttpFetcher.initialCapacity(150_000, "gzip", cap), "the length is of the compressed body");
    }

    @Test
    void readsNoBodyTheCallerDoesNotWant() throws Exception {
        site.serve("/image.png", "image/png", new byte[] {1, 2, 3});
        HttpResponseData response = http.get(URI.create(site.url("/image.png")), Map.of(), "text/html"::equals);
        assertEquals(200, response.status());
        assertEquals(0, response.body().length);
        assertFalse(response.truncated());
        assertEquals("image/png", response.mediaType());
    }

    @Test
    void sendsTheConfiguredUserAgent() throws Exception {
        String[] seen = new String[1];
        site.route("/ua", exchange -> {
            seen[0] = exchange.getRequestHeaders().getFirst("User-Agent");
            TestSite.send(exchange, 200, "text/html", new byte[] {'o', 'k'});
        });
        get("/ua");
        assertEquals(TestSite.LIMITS.userAgent(), seen[0]);
    }

    /** A resolver for one test name that answers from a list, one answer per lookup, and counts them. */
    private static final class ScriptedDns implements AddressGuard.Resolver {
        private final String name;
        private final List<InetAddress> answers;
        private final AtomicInteger lookups = new AtomicInteger();

        ScriptedDns(String name, InetAddress... answers) {
            this.name = name;
            this.answers = List.of(answers);
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            if (!host.equals(name)) {
                throw new UnknownHostException(host);
            }
            int n = lookups.getAndIncrement();
            return new InetAddress[] {answers.get(Math.min(n, answers.size() - 1))};
        }
    }

    @Test
    void connectsToTheAddressTheGuardResolvedNotToASecondLookup() throws Exception {
        // DNS rebinding: the first lookup answers the site, any later one a canary on another loopback
        // address at the same port; only a second lookup of the name could reach the canary
        InetAddress canaryAddress = InetAddress.getByName("127.0.0.2");
        TestSite canary;
        try {
            canary = new TestSite(canaryAddress, site.port());
        } catch (UncheckedIOException e) {
            Assumptions.abort("cannot bind 127.0.0.2 on this machine: " + e.getMessage());
            return;
        }
        try (canary) {
            String[] host = new String[1];
            site.route("/story", exchange -> {
                host[0] = exchange.getRequestHeaders().getFirst("Host");
                TestSite.send(exchange, 200, "text/html", "<p>site</p>".getBytes(StandardCharsets.UTF_8));
            });
            canary.html("/story", "<p>canary</p>");
            ScriptedDns dns = new ScriptedDns("news.test", InetAddress.getByName("127.0.0.1"), canaryAddress);
            try (HttpFetcher fetcher = new HttpFetcher(TestSite.LIMITS, new AddressGuard(false, List.of("news.test"), dns))) {
                HttpResponseData response = fetcher.get(URI.create("http://news.test:" + site.port() + "/story"), Map.of(), type -> true);
                assertEquals("<p>site</p>", new String(response.body(), StandardCharsets.UTF_8));
            }
            assertEquals(1, dns.lookups.get(), "the name is looked up once");
            assertEquals(0, canary.hits("/story"), "no second lookup decided where to connect");
            assertEquals("news.test:" + site.port(), host[0], "the request still names the host");
        }
    }

    @Test
    void looksTheHostUpOnceOnEveryRedirectHop() throws Exception {
        site.redirect("/old", 301, "/new").html("/new", "<p>here</p>");
        ScriptedDns dns = new ScriptedDns("news.test", InetAddress.getByName("127.0.0.1"));
        try (HttpFetcher fetcher = new HttpFetcher(TestSite.LIMITS, new AddressGuard(true, List.of(), dns))) {
            HttpResponseData response = fetcher.get(URI.create("http://news.test:" + site.port() + "/old"), Map.of(), type -> true);
            assertEquals(200, response.status());
            assertEquals("http://news.test:" + site.port() + "/new", response.finalUrl().toString());
        }
        assertEquals(2, dns.lookups.get(), "one lookup for each of the two hops, checked each time");
    }

    @Test
    void refusesANameThatResolvesInwardsWithoutConnecting() throws Exception {
        site.html("/story", "<p>internal</p>");
        ScriptedDns dns = new ScriptedDns("inward.test", InetAddress.getByName("127.0.0.1"));
        try (HttpFetcher fetcher = new HttpFetcher(TestSite.LIMITS, new AddressGuard(false, List.of(), dns))) {
            FetchException e = assertThrows(FetchException.class,
                    () -> fetcher.get(URI.create("http://inward.test:" + site.port() + "/story"), Map.of(), type -> true));
            assertEquals(FetchOutcome.BLOCKED_ADDRESS, e.outcome());
        }
        assertEquals(1, dns.lookups.get());
        assertEquals(0, site.hits("/story"));
    }

    @Test
    void reportsANameThatDoesNotResolve() throws Exception {
        ScriptedDns dns = new ScriptedDns("news.test", InetAddress.getByName("127.0.0.1"));
        try (HttpFetcher fetcher = new HttpFetcher(TestSite.LIMITS, new AddressGuard(true, List.of(), dns))) {
            FetchException e = assertThrows(FetchException.class,
                    () -> fetcher.get(URI.create("http://nowhere.test/"), Map.of(), type -> true));
            assertEquals(FetchOutcome.DNS_FAILED, e.outcome());
        }
    }

    @Test
    void reportsARefusedConnection() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpFetcher open = new HttpFetcher(TestSite.LIMITS, AddressGuard.of(true, java.util.List.of()));
        FetchException e = assertThrows(FetchException.class,
                () -> open.get(URI.create("http://127.0.0.1:" + port + "/"), Map.of(), type -> true));
        assertEquals(FetchOutcome.CONNECT_FAILED, e.outcome());
        open.close();
    }
}
