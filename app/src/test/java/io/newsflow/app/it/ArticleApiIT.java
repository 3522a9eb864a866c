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
import io.newsflow.core.record.PersonTag;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.jdbc.Dialect;
import io.newsflow.sink.jdbc.TestArticles;
import io.newsflow.sink.jdbc.TestDatabase;
import io.newsflow.sink.jdbc.TestRevisions;
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
            // 3 and 4 are syndicated copies of 0
            Article article = TestArticles.article(prefix + "-" + i, 1, "Talks <b>&</b> " + word + " " + i, T0.plusSeconds(i));
            articles.add(i < 3 ? article.withStory(article.id(), null) : article.withStory(prefix + "-0", 0.5 + i / 10.0));
        }
        String topic = SinkHarness.createTopic(kafka, prefix);
        try (TestDatabase db = TestDatabase.of(dialect, dir)) {
            var config = PipelineConfigs.forTest(kafka, dir, "api", Map.of("newsflow.sink.jdbc.url", db.jdbcUrl(),
                    "newsflow.sink.jdbc.user", db.user(), SinkConfig.TOPIC, topic));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.of(Stage.SINK), null, false)) {
                String base = "http://127.0.0.1:" + process.httpPort() + "/api/articles";
                // another Tillerson, so that the bare surname may mean two people
                SinkHarness.produce(kafka, topic, articles);
                SinkHarness.produce(kafka, topic, List.of(TestArticles.withPersons(TestArticles.article(prefix + "-jane", 1, "Jane", T0),
                        List.of(new PersonTag("Jane Tillerson", 1, List.of())))));
                SinkHarness.await("our articles listed", Duration.ofSeconds(60),
                        () -> get(base + "?q=" + word).body().get("articles").size() == 5
                                && get(base + "?person=person:jane-tillerson").body().get("articles").size() == 1);

                List<String> ids = new ArrayList<>();
                // any form of the full name finds the person
                String url = base + "?country=KP&person=" + URLEncoder.encode("Secretary Rex W. Tillerson", StandardCharsets.UTF_8)
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
                assertEquals("person:rex-tillerson", one.body().get("persons").get(0).get("entityId").asText());
                JsonNode listed = get(base + "?person=person:rex-tillerson&q=" + word + "&limit=1").body().get("articles").get(0);
                assertEquals("Rex Tillerson", listed.get("persons").get(0).asText());
                assertEquals("person:rex-tillerson", listed.get("personIds").get(0).asText(), "the id beside the name");
                assertError(get(base + "?person=Tillerson"), 400,
                        "person 'tillerson' may mean 2 people: Jane Tillerson (person:jane-tillerson), Rex Tillerson (person:rex-tillerson)");
                assertError(get(base + "?person=person:rex%20tillerson"), 400, "person entity id must be");

                assertEquals(0.8, one.body().get("storyOverlap").asDouble(), 1e-9);
                assertEquals(prefix + "-0", one.body().get("storyId").asText());
                JsonNode stories = get(base + "?q=" + word + "&distinct=story").body().get("articles");
                List<String> storyIds = new ArrayList<>();
                stories.forEach(a -> storyIds.add(a.get("id").asText() + ":" + a.get("storyArticles").asInt()));
                assertEquals(List.of(prefix + "-2:1", prefix + "-1:1", prefix + "-0:3"), storyIds, "copies listed once, counted");
                assertError(get(base + "?distinct=url"), 400, "distinct must be 'story'");

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

    @ParameterizedTest
    @EnumSource(Dialect.class)
    @Timeout(120)
    void servesEveryVersionOfAnEditedArticleWithTheFieldLevelDiffs(Dialect dialect, EmbeddedKafka kafka) throws Exception {
        String prefix = SinkHarness.uniquePrefix("revisions-api");
        Article v1 = TestArticles.article(prefix + "-edited", 1, "Talks planned", T0);
        Article v2 = TestRevisions.edited(v1, 2, "Talks cancelled");
        Article plain = TestArticles.article(prefix + "-plain", 1, "Never edited", T0);
        String articles = SinkHarness.createTopic(kafka, prefix + "-articles");
        String revisions = SinkHarness.createTopic(kafka, prefix + "-revisions");
        try (TestDatabase db = TestDatabase.of(dialect, dir)) {
            var config = PipelineConfigs.forTest(kafka, dir, "api", Map.of("newsflow.sink.jdbc.url", db.jdbcUrl(),
                    "newsflow.sink.jdbc.user", db.user(), SinkConfig.TOPIC, articles, SinkConfig.REVISIONS_TOPIC, revisions));
            try (RunningProcess process = RunningProcess.start(config, EnumSet.of(Stage.SINK), null, false)) {
                String base = "http://127.0.0.1:" + process.httpPort() + "/api/articles/";
                SinkHarness.produce(kafka, articles, List.of(v1, plain, v2));
                SinkHarness.produceRaw(kafka, revisions, v1.id().getBytes(StandardCharsets.UTF_8),
                        JsonCodec.encode(TestRevisions.retitled(v1, v2)));
                SinkHarness.await("the edit stored", Duration.ofSeconds(60),
                        () -> get(base + v1.id() + "/revisions").body().path("versions").size() == 2);

                Response history = get(base + v1.id() + "/revisions");
                assertEquals(200, history.status());
                JsonNode body = history.body();
                assertEquals(v1.id(), body.get("id").asText());
                assertEquals(v1.url(), body.get("url").asText());
                assertEquals("Talks planned", body.get("versions").get(0).get("title").asText());
                assertEquals(1, body.get("versions").get(0).get("version").asInt());
                assertEquals("Talks cancelled", body.get("versions").get(1).get("title").asText());
                assertEquals(3, body.get("versions").get(1).get("paragraphs").size());
                JsonNode edit = body.get("revisions").get(0);
                assertEquals(1, edit.get("oldVersion").asInt());
                assertEquals(2, edit.get("newVersion").asInt());
                assertEquals("[\"title\",\"paragraphs\"]", edit.get("fields").toString());
                assertEquals("Talks planned", edit.get("changes").get("title").get("before").asText());
                assertEquals("Talks cancelled", edit.get("changes").get("title").get("after").asText());
                assertEquals("Updated: officials later denied the meeting.",
                        edit.get("changes").get("paragraphsAdded").get(0).get("after").asText());
                assertEquals(2, edit.get("changes").get("paragraphsAdded").get(0).get("afterIndex").asInt());
                assertTrue(edit.get("changes").get("empty") == null, "only the diff's own fields");

                SinkHarness.await("the plain article stored", Duration.ofSeconds(60),
                        () -> get(base + plain.id() + "/revisions").status() == 200);
                JsonNode unedited = get(base + plain.id() + "/revisions").body();
                assertEquals(1, unedited.get("versions").size());
                assertEquals("Never edited", unedited.get("versions").get(0).get("title").asText());
                assertEquals(0, unedited.get("revisions").size());

                assertError(get(base + prefix + "-missing/revisions"), 404, "no article with id " + prefix + "-missing");
                assertError(get(base + "bad%20id/revisions"), 400, "article id must be 1 to 128 letters");
                assertError(get(base + "/revisions"), 400, "article id must be 1 to 128 letters");
                assertError(get(base + v1.id() + "/revisions?limit=1"), 400, "/api/articles/{id}/revisions takes no parameters");
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
