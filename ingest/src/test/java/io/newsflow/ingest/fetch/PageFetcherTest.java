package io.newsflow.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.Html;
import io.newsflow.core.record.FetchOutcome;
import io.newsflow.core.record.Link;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.UrlStatus;
import io.newsflow.ingest.TestSite;
import io.newsflow.ingest.http.HttpFetcher;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PageFetcherTest {

    private TestSite site;
    private HttpFetcher http;
    private PageFetcher fetcher;

    @BeforeEach
    void start() {
        site = new TestSite();
        http = TestSite.fetcherAllowing(TestSite.LIMITS, site);
        fetcher = new PageFetcher(http, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        http.close();
        site.close();
    }

    @Test
    void fetchesAnArticleWithItsHttpMetadata() {
        site.route("/story.html", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            exchange.getResponseHeaders().set("Last-Modified", "Mon, 02 Mar 2026 10:00:00 GMT");
            TestSite.send(exchange, 200, "text/html; charset=utf-8", "<title>Story</title><p>Body</p>".getBytes(StandardCharsets.UTF_8));
        });
        PageFetch fetch = fetch(site.url("/story.html"), "test", null);
        assertEquals(FetchOutcome.OK, fetch.outcome());
        Page page = fetch.page();
        assertNotNull(page);
        assertEquals(site.url("/story.html"), page.canonicalUrl());
        assertEquals("\"v1\"", page.etag());
        assertEquals("Mon, 02 Mar 2026 10:00:00 GMT", page.lastModified());
        assertEquals("text/html", page.contentType());
        assertEquals("<title>Story</title><p>Body</p>", page.html());
    }

    @Test
    void anUnchangedPageIsAnswered304ToAConditionalGet() {
        site.route("/story.html", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v1\"");
            TestSite.send(exchange, 200, "text/html", "<p>same</p>".getBytes(StandardCharsets.UTF_8));
        });
        Page first = fetch(site.url("/story.html"), "test", null).page();
        assertNotNull(first);
        UrlStatus known = new UrlStatus(first.canonicalUrl(), Instant.now(), 200, "ok", first.contentSha256(), first.etag(), null);
        PageFetch again = fetch(site.url("/story.html"), "test", known);
        assertEquals(FetchOutcome.NOT_MODIFIED, again.outcome());
        assertNull(again.page());
    }

    @Test
    void aRevisitIsConditionalOnItsOwnValidatorsAndA304PublishesNoPage() {
        site.route("/story.html", exchange -> {
            boolean sameEtag = "\"v2\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            boolean sameDate = "Tue, 03 Mar 2026 10:00:00 GMT".equals(exchange.getRequestHeaders().getFirst("If-Modified-Since"));
            if (sameEtag && sameDate) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"v2\"");
            TestSite.send(exchange, 200, "text/html", "<p>edited</p>".getBytes(StandardCharsets.UTF_8));
        });
        // the seen-set still holds an older validator: the revisit's own ones must be sent instead
        UrlStatus stale = new UrlStatus(site.url("/story.html"), Instant.now(), 200, "ok", "sha", "\"v1\"", null);
        Link revisit = Link.revisit(site.url("/story.html"), "test", Instant.now(), "\"v2\"", "Tue, 03 Mar 2026 10:00:00 GMT");

        PageFetch fetch = fetcher.fetch(revisit, stale);

        assertEquals(FetchOutcome.NOT_MODIFIED, fetch.outcome());
        assertNull(fetch.page());
        assertEquals(FetchOutcome.OK, fetcher.fetch(Link.revisit(site.url("/story.html"), "test", Instant.now(), "\"v1\"", null), null)
                .outcome());
    }

    @Test
    void takesRelCanonicalOnTheSameHostAndIgnoresItAcrossHosts() {
        site.html("/a", "<link rel=canonical href='/story.html'><p>x</p>");
        site.html("/b", "<link rel='canonical' href='https://elsewhere.example/hijack'><p>x</p>");
        assertEquals(site.url("/story.html"), fetch(site.url("/a?ref=home"), "t", null).page().canonicalUrl());
        assertEquals(site.url("/b"), fetch(site.url("/b"), "t", null).page().canonicalUrl());
    }

    @Test
    void takesTheFirstCanonicalLinkOfTheHeadNotMarkupInsideItsScripts() {
        site.html("/c", "<html><head><script>document.write('<link rel=canonical href=/from-script>')</script>"
                + "<base href='/section/'><link rel=\"Canonical\" href='first.html'><link rel=canonical href='/second.html'>"
                + "</head><body><p>x</p></body></html>");
        assertEquals(site.url("/section/first.html"), fetch(site.url("/c"), "t", null).page().canonicalUrl());
    }

    @Test
    void readsRelCanonicalFromTheHeadOnly() {
        String html = "<html><HEAD ><link rel=canonical href=/a></head ><body><link rel=canonical href=/b><p>x</p></body></html>";
        assertEquals("<html><HEAD ><link rel=canonical href=/a></head >", PageFetcher.head(Html.of(html)));
        assertEquals("<p>no head end</p>", PageFetcher.head(Html.of("<p>no head end</p>")));
        assertEquals("<head></header></HeAd\n>", PageFetcher.head(Html.of("<head></header></HeAd\n><p>x</p>")));
        assertEquals("</head", PageFetcher.head(Html.of("</head")));
    }

    @Test
    void findsTheHeadEndInUtf8BytesAndDecodesUpToIt() {
        String html = "<html><head><title>Zürich – Ça va</title></head><body><p>\u00e9t\u00e9 \ud83d\ude00</p></body></html>";
        byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);

        assertEquals("<html><head><title>Zürich – Ça va</title></head>", PageFetcher.head(Html.ofUtf8(utf8, 0, utf8.length)));
        assertEquals("<html><head><title>Zürich – Ça va</title></head>", PageFetcher.head(Html.of(html)));
    }

    @Test
    void recordsTheFinalUrlOfARedirect() {
        site.redirect("/short", 301, "/long-story.html").html("/long-story.html", "<p>x</p>");
        Page page = fetch(site.url("/short"), "t", null).page();
        assertEquals(site.url("/long-story.html"), page.finalUrl());
        assertEquals(site.url("/short"), page.url());
        assertEquals(site.url("/long-story.html"), page.canonicalUrl());
    }

    @Test
    void refusesABinaryFileServedAsHtml() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};
        site.serve("/photo", "text/html", png);
        assertEquals(FetchOutcome.BINARY, fetch(site.url("/photo"), "t", null).outcome());
    }

    @Test
    void skipsContentThatIsNotHtml() {
        site.serve("/report.pdf", "application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        assertEquals(FetchOutcome.NOT_HTML, fetch(site.url("/report.pdf"), "t", null).outcome());
    }

    @Test
    void decodesAPageWhoseHeaderDeclaresTheWrongCharset() {
        byte[] latin1 = "<meta charset=iso-8859-1><p>Caf\u00e9 d\u00e9j\u00e0 vu</p>".getBytes(StandardCharsets.ISO_8859_1);
        site.serve("/cafe", "text/html; charset=utf-8", latin1);
        Page page = fetch(site.url("/cafe"), "t", null).page();
        assertTrue(page.html().contains("Caf\u00e9 d\u00e9j\u00e0 vu"), page.html());
        assertEquals(Charset.forName("windows-1252").name(), page.charset());
    }

    @Test
    void flagsATruncatedPage() {
        site.html("/long", "<p>" + "word ".repeat(30_000) + "</p>");
        Page page = fetch(site.url("/long"), "t", null).page();
        assertTrue(page.truncated());
        assertEquals(TestSite.LIMITS.maxBodyBytes(), page.html().length());
    }

    @Test
    void honoursRetryAfterOn429And503() {
        site.route("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            exchange.sendResponseHeaders(429, -1);
        });
        site.route("/down", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "30");
            exchange.sendResponseHeaders(503, -1);
        });
        PageFetch busy = fetch(site.url("/busy"), "t", null);
        assertEquals(Duration.ofSeconds(120), busy.retryAfter());
        assertTrue(busy.hostTrouble());
        PageFetch down = fetch(site.url("/down"), "t", null);
        assertEquals(FetchOutcome.HTTP_5XX, down.outcome());
        assertEquals(Duration.ofSeconds(30), down.retryAfter());
    }

    @Test
    void linksToInternalAddressesFromAPublicPageAreRefused() {
        site.html("/public", "<a href='http://127.0.0.1:9/admin'>x</a><a href='http://169.254.169.254/latest/meta-data/'>y</a>");
        assertEquals(FetchOutcome.OK, fetch(site.url("/public"), "t", null).outcome());
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, fetch("http://127.0.0.1:9/admin", "t", null).outcome());
        assertEquals(FetchOutcome.BLOCKED_ADDRESS, fetch("http://169.254.169.254/latest/meta-data/", "t", null).outcome());
    }

    @Test
    void aDeadServerIsAnOutcomeNotAnException() {
        site.silent("/hang");
        PageFetch fetch = fetch(site.url("/hang"), "t", null);
        assertTrue(fetch.outcome().hostUnreachable(), fetch.outcome().tag());
        assertTrue(fetch.hostTrouble());
    }

    private PageFetch fetch(String url, String source, UrlStatus previous) {
        return fetcher.fetch(new Link(url, source, Instant.now(), null), previous);
    }
}
