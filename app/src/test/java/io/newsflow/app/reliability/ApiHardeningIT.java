package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article API and the dashboard under hostile input: an article whose title and text carry
 * HTML and script is served as JSON that a browser will not render, every malformed parameter gets a
 * 400 of the same kind, the dashboard serves no file outside its assets, and with a token configured
 * neither answers anybody without it.
 */
@Tag("reliability")
class ApiHardeningIT {

    private static final String TOKEN = "api-token";
    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @Timeout(120)
    void articleApiServesMarkupAsInertJsonAndRejectsBadParameters(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = ReliabilityConfigs.broker(dir.resolve("kafka"), 0)) {
            publishHostilePage(kafka);
            var config = ReliabilityConfigs.pipeline(kafka, dir.resolve("data"), Map.of("newsflow.http.token", TOKEN));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.of(Stage.ENRICH, Stage.SINK), null, false)) {
                assertEquals(401, get(process, "/api/articles", null).statusCode(), "the API without the token");
                HttpResponse<String> list = Eventually.await("the hostile article served", Duration.ofSeconds(90),
                        () -> get(process, "/api/articles", TOKEN), r -> r.statusCode() == 200 && r.body().contains("Harbour"));
                assertNeverRenderedAsHtml(list);

                List<String> bad = List.of("limit=-1", "limit=abc", "limit=0", "since=yesterday", "since=" + enc(SCRIPT),
                        "country=" + enc(SCRIPT), "cursor=" + enc("!!not-a-cursor!!"), "limit=5&limit=6",
                        "person=" + "x".repeat(5000));
                int rejected = 0;
                for (String query : bad) {
                    HttpResponse<String> r = get(process, "/api/articles?" + query, TOKEN);
                    assertEquals(400, r.statusCode(), query + " -> " + r.body());
                    assertTrue(r.body().contains("\"error\""), query + " -> " + r.body());
                    assertNeverRenderedAsHtml(r);
                    rejected++;
                }
                HttpResponse<String> traversal = get(process, "/api/articles/..%2F..%2Fetc%2Fpasswd", TOKEN);
                assertTrue(traversal.statusCode() == 400 || traversal.statusCode() == 404, "traversal id: " + traversal.statusCode());

                // the dashboard renders article fields in the browser (its own browser test checks the
                // escaping there); here: its page and data are guarded, typed and not sniffable
                assertEquals(401, get(process, "/dashboard/", null).statusCode(), "the dashboard without the token");
                HttpResponse<String> page = get(process, "/dashboard/", TOKEN);
                assertEquals(200, page.statusCode());
                assertTrue(page.headers().firstValue("Content-Security-Policy").isPresent(), "the dashboard sets a CSP");
                assertNeverRenderedAsHtml(get(process, "/dashboard/api/articles", TOKEN));
                for (String escape : List.of("/dashboard/..%2Flogback.xml", "/dashboard/%2e%2e/%2e%2e/pom.xml",
                        "/dashboard/..;/logback.xml")) {
                    assertEquals(404, get(process, escape, TOKEN).statusCode(), escape);
                }
                System.out.printf("reliability {\"check\":\"api-hardening\",\"badParameters\":%d,\"rejected\":%d}%n",
                        bad.size(), rejected);
            }
        }
    }

    /**
     * JSON may carry the markup of an article or echo a bad parameter, as long as no browser takes
     * it for HTML: the type says JSON and sniffing is off.
     */
    private static void assertNeverRenderedAsHtml(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/json"), "served as JSON, not HTML: " + type);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""),
                "a browser may sniff this response as HTML: " + response.body());
    }

    private static void publishHostilePage(EmbeddedKafka kafka) throws Exception {
        String url = "https://hostile.example/news/script.html";
        String html = NewsSite.html(1, 1)
                .replace("<title>Harbour story 1", "<title>Harbour story " + SCRIPT.replace("<", "&lt;"))
                .replace("<h1>Harbour story 1", "<h1>Harbour story &lt;img src=x onerror=alert(1)&gt;")
                .replace("according to the minutes.", "according to the minutes &lt;b onmouseover=alert(2)&gt;.");
        Page page = new Page(url, url, url, "reliability", Instant.now(), 200, "text/html", "UTF-8", null, null,
                ArticleId.sha256Hex(html), false, html);
        Properties props = ReliabilityConfigs.clientProperties(kafka);
        try (KafkaProducer<String, Page> producer = new KafkaProducer<>(props, Topics.PAGES.keySerde().serializer(),
                Topics.PAGES.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.PAGES.name(), url, page)).get();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> get(RunningProcess process, String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + process.httpPort() + pathAndQuery));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
