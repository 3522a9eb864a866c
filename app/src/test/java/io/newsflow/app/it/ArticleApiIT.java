package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.record.Article;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.jdbc.Dialect;
import io.newsflow.sink.jdbc.TestArticles;
import io.newsflow.sink.jdbc.TestDatabase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The article API of a running sink process answers the same on both backends. */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class ArticleApiIT {

    private static final Instant T0 = Instant.parse("2024-05-01T09:30:00Z");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    @Timeout(120)
    void servesFilteredPagesAndSingleArticlesAsJson(Dialect dialect, EmbeddedKafka kafka) throws Exception {
        // a made-up word that only these articles contain
        String word = "zq" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String prefix = SinkHarness.uniquePrefix("api");
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            articles.add(TestArticles.article(prefix + "-" + i, 1, "Talks <b>&</b> " + word + " " + i, T0.plusSeconds(i)));
        }
        String topic = SinkHarness.createTopic(kafka, prefix);
        try (TestDatabase db = TestDatabase.of(dialect, dir)) {
            var config = PipelineConfigs.forTest(kafka, dir, "api", Map.of("newsflow.sink.jdbc.url", db.jdbcUrl(),
                    "newsflow.sink.jdbc.user", db.user(), SinkConfig.TOPIC, topic));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.of(Stage.SINK), null, false)) {
                String base = "http://127.0.0.1:" + process.httpPort() + "/api/articles";
                SinkHarness.produce(kafka, topic, articles);
                SinkHarness.await("our articles listed", Duration.ofSeconds(60),
                        () -> get(base + "?q=" + word).body().get("articles").size() == 5);

                List<String> ids = new ArrayList<>();
                String url = base + "?country=KP&person=" + URLEncoder.encode("Rex Tillerson", StandardCharsets.UTF_8)
                        + "&q=talk+" + word + "&since=2024-05-01&limit=2";
                int pages = 0;
                while (true) {
                    Response page = get(url);
                    assertEquals(200, page.status());
                    page.body().get("articles").forEach(a -> ids.add(a.get("id").asText()));
                    pages++;
                    if (page.body().get("next").isNull()) {
                        break;
                    }
                    url = base + "?q=" + word + "&limit=2&cursor=" + page.body().get("next").asText();
                }
                assertEquals(3, pages);
                assertEquals(List.of(prefix + "-4", prefix + "-3", prefix + "-2", prefix + "-1", prefix + "-0"), ids);

                Response one = get(base + "/" + prefix + "-3");
                assertEquals(200, one.status());
                assertEquals("Talks <b>&</b> " + word + " 3", one.body().get("title").asText(), "no HTML escaping");
                assertEquals(articles.get(3).text(), one.body().get("text").asText());
                assertEquals("Beijing", one.body().get("countries").get(0).get("mentions").get(1).get("surface").asText());
                assertEquals("2024-05-01T09:30:03Z", one.body().get("publishedAt").asText());

                assertEquals(0, get(base + "?q=" + word + "&country=FR").body().get("articles").size());
                assertError(get(base + "/" + prefix + "-missing"), 404, "no article with id");
                assertError(get(base + "?country=Korea"), 400, "country must be an ISO 3166-1 alpha-2 code");
                assertError(get(base + "?limit=1&limit=2"), 400, "parameter limit given more than once");
                assertError(get(base + "?since=yesterday"), 400, "since must be an ISO-8601 date");
                assertEquals(200, get(base + "?q=%27%3B%20DROP%20TABLE%20articles%3B--").status(), "q is a bound parameter");
                assertEquals(5, get(base + "?q=" + word).body().get("articles").size());
                HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(base))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(405, post.statusCode());
            }
        }
    }

    private record Response(int status, JsonNode body) {
    }

    private Response get(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            return new Response(r.statusCode(), JsonCodec.MAPPER.readTree(r.body()));
        } catch (Exception e) {
            throw new IllegalStateException(url, e);
        }
    }

    private static void assertError(Response r, int status, String message) {
        assertEquals(status, r.status(), r.body().toString());
        assertTrue(r.body().get("error").asText().startsWith(message), r.body().toString());
    }
}
