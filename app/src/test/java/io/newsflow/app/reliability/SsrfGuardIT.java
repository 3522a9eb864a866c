package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.search.Search;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.metrics.MetricNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSRF: a crawled site (let through the guard by name, as a local test site must be) links and
 * redirects to loopback, private, link-local and cloud-metadata addresses, by IP and by a DNS name
 * that resolves to loopback. A canary server on loopback stands in for an internal service: it must
 * receive no request at all, robots.txt included.
 */
@Tag("reliability")
class SsrfGuardIT {

    @Test
    @Timeout(120)
    void internalAddressesAreNeverFetchedFromLinksOrRedirects(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = ReliabilityConfigs.broker(dir.resolve("kafka"), 0);
                NewsSite site = new NewsSite(3);
                NewsSite canary = new NewsSite(1)) {
            String canaryPort = canary.url(0).replaceAll(".*:(\\d+)/.*", "$1");
            List<String> internal = List.of(
                    canary.url(0),
                    "http://localhost:" + canaryPort + "/news/story-000.html",
                    "http://[::1]:" + canaryPort + "/news/story-000.html",
                    "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
                    "http://10.0.0.1/admin",
                    "http://192.168.1.1/",
                    "http://0.0.0.0:" + canaryPort + "/news/story-000.html");
            internal.forEach(site::linkTo);
            List<String> redirects = new ArrayList<>();
            for (int i = 0; i < internal.size(); i++) {
                redirects.add(site.redirect("/go/" + i, internal.get(i)));
            }
            List<String> start = new ArrayList<>(site.urls());
            start.addAll(redirects);
            start.addAll(internal);
            String siteHost = site.url(0).replaceAll("http://([^/]+)/.*", "$1");
            var config = ReliabilityConfigs.pipeline(kafka, dir.resolve("data"), Map.of(
                    "newsflow.ingest.start.urls", start,
                    "newsflow.ingest.sources", List.of(Map.of("name", "listing", "type", "listing",
                            "url", site.indexUrl(), "include", ".", "interval.ms", 1000)),
                    "newsflow.ingest.fetch.allow.hosts", List.of(siteHost),
                    "newsflow.ingest.fetch.delay.ms", 0));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.of(Stage.INGEST), null, false)) {
                // every start URL has been dealt with one way or another: fetched, refused or skipped
                Eventually.await("every URL handled", Duration.ofSeconds(90),
                        () -> handled(process) , n -> n >= start.size()
                                && site.requests().stream().filter(r -> r.path().startsWith("/go/")).count() >= redirects.size());
                System.out.printf("reliability {\"check\":\"ssrf\",\"internalUrls\":%d,\"redirects\":%d,"
                        + "\"canaryRequests\":%d}%n", internal.size(), redirects.size(), canary.requests().size());
                assertEquals(List.of(), canary.requests(), "requests that reached the internal canary server");
            }
        }
    }

    /** Fetch outcomes of every kind plus links skipped before fetching. */
    private static double handled(RunningProcess process) {
        double fetched = Search.in(process.registry()).name(MetricNames.FETCH_PAGES).counters().stream()
                .mapToDouble(Counter::count).sum();
        double skipped = Search.in(process.registry()).name("newsflow.fetch.skipped").counters().stream()
                .mapToDouble(Counter::count).sum();
        return fetched + skipped;
    }
}
