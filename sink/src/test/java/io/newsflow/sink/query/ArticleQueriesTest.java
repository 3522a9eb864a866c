package io.newsflow.sink.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleSnapshot;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Revision;
import io.newsflow.sink.jdbc.Dialect;
import io.newsflow.sink.jdbc.JdbcArticleStore;
import io.newsflow.sink.jdbc.TestArticles;
import io.newsflow.sink.jdbc.TestDatabase;
import io.newsflow.sink.jdbc.TestRevisions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same queries give the same answers on both backends. */
class ArticleQueriesTest {

    private static final Instant T0 = Instant.parse("2024-05-01T09:30:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void filtersByCountryPersonWordsAndDate(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database());
                ArticleQueries queries = new ArticleQueries(db.database())) {
            Article climate = TestArticles.article("climate", 1, "Climate talks stall", T0);
            Article ports = TestArticles.retagged(TestArticles.article("ports", 1, "Port strike", T0.plusSeconds(3600)),
                    1, List.of(new CountryTag("FR", "France", 1, List.of())));
            store.write(List.of(climate, ports));

            assertEquals(List.of("climate"), ids(queries, Map.of("country", "KP")));
            assertEquals(List.of("ports"), ids(queries, Map.of("country", "fr")));
            assertEquals(List.of("ports", "climate"), ids(queries, Map.of("person", "Rex Tillerson")));
            assertEquals(List.of(), ids(queries, Map.of("person", "Rex")), "a first name is no surname");
            assertEquals(List.of("ports", "climate"), ids(queries, Map.of("person", "Tillerson")));
            assertEquals(List.of("ports", "climate"), ids(queries, Map.of("person", "person:rex-tillerson")));
            assertEquals(List.of("climate"), ids(queries, Map.of("q", "talk")), "stemmed: talk finds talks");
            assertEquals(List.of("climate"), ids(queries, Map.of("q", "CLIMATE officials")));
            assertEquals(List.of(), ids(queries, Map.of("q", "climate strike")), "every word must occur");
            assertEquals(List.of("ports"), ids(queries, Map.of("since", "2024-05-01T10:00:00Z")));
            assertEquals(List.of("ports"), ids(queries, Map.of("q", "\"port\" AND strike*")),
                    "search operators in q are plain words");
        }
    }

    private static Article naming(String id, long hours, PersonTag... persons) {
        return TestArticles.withPersons(TestArticles.article(id, 1, "Article " + id, T0.plusSeconds(3600 * hours)),
                List.of(persons));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void findsAPersonByEntityIdAnyFormOfTheFullNameOrAnUnambiguousBareName(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database());
                ArticleQueries queries = new ArticleQueries(db.database())) {
            store.write(List.of(
                    naming("full", 0, new PersonTag("Donald J. Trump", 3, List.of())),
                    naming("variant", 1, new PersonTag("President Donald Trump", 1, List.of())),
                    // a bare name the registry linked to the one Trump it knew
                    naming("linked", 2, new PersonTag("Trump", 2, List.of()).withEntityId("person:donald-trump")),
                    naming("bare", 3, new PersonTag("Trump", 1, List.of())),
                    naming("tusk", 4, new PersonTag("Donald Tusk", 1, List.of()))));

            List<String> donald = List.of("linked", "variant", "full");
            for (String asked : List.of("person:donald-trump", "Donald Trump", "Donald Trump's", "donald john trump")) {
                assertEquals(donald, ids(queries, Map.of("person", asked)), asked);
            }
            assertEquals(List.of("bare", "linked", "variant", "full"), ids(queries, Map.of("person", "Trump")),
                    "the one Trump known, and articles naming only the bare name");
            assertEquals(List.of("tusk"), ids(queries, Map.of("person", "Mr. Tusk")));
            assertEquals(List.of(), ids(queries, Map.of("person", "Melania Trump")));

            ArticleSummary linked = queries.find(ArticleFilter.parse(Map.of("person", "Donald Trump"))).articles().get(0);
            assertEquals(List.of("Trump"), linked.persons(), "the article's own name is kept");
            assertEquals(List.of("person:donald-trump"), linked.personIds());
            assertEquals("person:donald-trump", queries.get("linked").orElseThrow().persons().get(0).entityId());

            store.write(List.of(naming("melania", 5, new PersonTag("Melania Trump", 1, List.of()),
                    new PersonTag("Rex Tillerson", 1, List.of()))));
            assertEquals(List.of("melania"), ids(queries, Map.of("person", "Melania Trump")));
            assertEquals(donald, ids(queries, Map.of("person", "Donald Trump")));
            AmbiguousPersonException e = assertThrows(AmbiguousPersonException.class,
                    () -> queries.find(ArticleFilter.parse(Map.of("person", "Trump"))));
            assertEquals(Map.of("person:donald-trump", "Donald J. Trump", "person:melania-trump", "Melania Trump"),
                    e.candidates(), "each candidate under its most used name");
            assertTrue(e.getMessage().contains("Melania Trump (person:melania-trump)"), e.getMessage());
            ArticleSummary melania = queries.find(ArticleFilter.parse(Map.of("person", "person:melania-trump")))
                    .articles().get(0);
            assertEquals(List.of("Melania Trump", "Rex Tillerson"), melania.persons());
            assertEquals(List.of("person:melania-trump", "person:rex-tillerson"), melania.personIds());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void storesTheStoryAndListsOneArticlePerStoryWithHowManyOfItsArticlesMatch(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database());
                ArticleQueries queries = new ArticleQueries(db.database())) {
            store.write(List.of(
                    TestArticles.article("wire", 1, "Wire", T0).withStory("wire", null),
                    TestArticles.article("other", 1, "Other", T0.plusSeconds(1800)).withStory("other", null),
                    TestArticles.article("copy-1", 1, "Copy one", T0.plusSeconds(3600)).withStory("wire", 0.8),
                    TestArticles.article("copy-2", 1, "Copy two", T0.plusSeconds(7200)).withStory("wire", 0.65),
                    // stored before stories: its own story
                    TestArticles.article("legacy", 1, "Legacy", T0.plusSeconds(10800))));

            assertEquals(List.of("legacy", "copy-2", "copy-1", "other", "wire"), ids(queries, Map.of()));
            ArticlePage stories = queries.find(ArticleFilter.parse(Map.of("distinct", "story")));
            assertEquals(List.of("legacy", "other", "wire"), stories.articles().stream().map(ArticleSummary::id).toList(),
                    "each story once, by its earliest article");
            assertEquals(List.of(1, 1, 3), stories.articles().stream().map(ArticleSummary::storyArticles).toList());
            assertEquals("wire", stories.articles().get(2).storyId());
            assertNull(stories.articles().get(0).storyId());
            assertEquals(List.of("legacy", "copy-1", "other"), ids(queries, Map.of("distinct", "story", "since",
                    "2024-05-01T10:00:00Z")), "the earliest of the story's matching articles stands for it");

            List<String> paged = new ArrayList<>();
            Map<String, String> params = new HashMap<>(Map.of("distinct", "story", "limit", "1"));
            for (int page = 0; page < 10; page++) {
                ArticlePage p = queries.find(ArticleFilter.parse(params));
                p.articles().forEach(a -> paged.add(a.id()));
                if (p.next() == null) {
                    break;
                }
                params.put("cursor", p.next());
            }
            assertEquals(List.of("legacy", "other", "wire"), paged);

            StoredArticle copy = queries.get("copy-1").orElseThrow();
            assertEquals("wire", copy.storyId());
            assertEquals(0.8, copy.storyOverlap());
            assertNull(queries.get("wire").orElseThrow().storyOverlap());
            assertNull(queries.find(ArticleFilter.parse(Map.of())).articles().get(0).storyArticles());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void pagesThroughEveryArticleOnceNewestFirst(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database());
                ArticleQueries queries = new ArticleQueries(db.database())) {
            List<Article> articles = new ArrayList<>(TestArticles.many("p", 7, T0));
            // two share a date: the id breaks the tie
            articles.add(TestArticles.article("p-tie", 1, "Tie", T0.plusSeconds(3)));
            store.write(articles);
            List<String> seen = new ArrayList<>();
            Map<String, String> params = new HashMap<>(Map.of("limit", "3"));
            int pages = 0;
            while (true) {
                ArticlePage page = queries.find(ArticleFilter.parse(params));
                pages++;
                page.articles().forEach(a -> seen.add(a.id()));
                if (page.next() == null) {
                    break;
                }
                params.put("cursor", page.next());
            }
            assertEquals(3, pages);
            assertEquals(List.of("p-6", "p-5", "p-4", "p-tie", "p-3", "p-2", "p-1", "p-0"), seen);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void returnsOneArticleWithItsMentionSpansAndListsItsTags(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database());
                ArticleQueries queries = new ArticleQueries(db.database())) {
            Article a = TestArticles.article("one", 2, "One", T0);
            store.write(List.of(a));
            StoredArticle stored = queries.get("one").orElseThrow();
            assertEquals(a.text(), stored.text());
            assertEquals(2, stored.version());
            assertEquals(T0, stored.publishedAt());
            assertEquals(List.of("A. Writer"), stored.authors());
            assertEquals(a.countries().get(1), stored.countries().get(0), "most mentioned first, spans intact");
            assertEquals(a.persons(), stored.persons());
            String surface = stored.persons().get(0).mentions().get(0).surface();
            var span = stored.persons().get(0).mentions().get(0);
            assertEquals(surface, stored.text().substring(span.start(), span.end()));
            assertTrue(queries.get("missing").isEmpty());

            ArticleSummary summary = queries.find(ArticleFilter.parse(Map.of())).articles().get(0);
            assertEquals(List.of("CN", "KP"), summary.countries());
            assertEquals(List.of("Rex Tillerson"), summary.persons());
            assertEquals(List.of("person:rex-tillerson"), summary.personIds());
            assertNull(queries.find(ArticleFilter.parse(Map.of())).next());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void returnsEveryVersionOfAnEditedArticleWithTheDiffsOldestFirst(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database());
                ArticleQueries queries = new ArticleQueries(db.database())) {
            Article v1 = TestArticles.article("hist", 1, "Talks planned", T0);
            Article v2 = TestRevisions.edited(v1, 2, "Talks postponed");
            Article v4 = TestRevisions.edited(v2, 4, "Talks cancelled");
            Revision first = TestRevisions.retitled(v1, v2);
            Revision second = TestRevisions.retitled(v2, v4);
            // the later edit arrives first, and the first one twice
            store.write(List.of(v1, v4), List.of(second));
            store.write(List.of(), List.of(first, first));

            ArticleHistory history = queries.history("hist").orElseThrow();
            assertEquals(v1.url(), history.url());
            assertEquals(4, history.version());
            assertEquals(List.of(1, 2, 4), history.versions().stream().map(ArticleSnapshot::version).toList());
            assertEquals(List.of("Talks planned", "Talks postponed", "Talks cancelled"),
                    history.versions().stream().map(ArticleSnapshot::title).toList());
            assertEquals(ArticleSnapshot.of(v4), history.versions().get(2));
            assertEquals(2, history.revisions().size());
            ArticleHistory.Edit edit = history.revisions().get(1);
            assertEquals(2, edit.oldVersion());
            assertEquals(4, edit.newVersion());
            assertEquals(second.detectedAt(), edit.detectedAt());
            assertEquals(List.of("title", "paragraphs"), edit.fields());
            assertEquals(second.changes(), edit.changes());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void returnsTheStoredVersionAloneForAnArticleNeverEditedAndNothingForAnUnknownId(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database());
                ArticleQueries queries = new ArticleQueries(db.database())) {
            Article a = TestArticles.article("plain", 3, "Plain", T0);
            store.write(List.of(a));
            ArticleHistory history = queries.history("plain").orElseThrow();
            assertEquals(List.of(ArticleSnapshot.of(a)), history.versions());
            assertEquals(List.of(), history.revisions());
            assertTrue(queries.history("missing").isEmpty());
        }
    }

    @org.junit.jupiter.api.Test
    void answersAfterPostgresqlDroppedItsKeptConnection() throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            String name = "queries-" + System.nanoTime();
            var database = io.newsflow.sink.jdbc.Database.of(db.jdbcUrl() + "&ApplicationName=" + name, db.user(), "");
            try (JdbcArticleStore store = new JdbcArticleStore(database); ArticleQueries queries = new ArticleQueries(database)) {
                store.write(List.of(TestArticles.article("kept", 1, "Kept", T0)));
                assertEquals(List.of("kept"), ids(queries, Map.of()));
                try (var c = db.connect(); var st = c.prepareStatement(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
                    st.setString(1, name);
                    try (var rs = st.executeQuery()) {
                        assertTrue(rs.next() && rs.getBoolean(1), "the kept connection was dropped");
                    }
                }
                assertEquals(List.of("kept"), ids(queries, Map.of()), "a new connection replaces the dropped one");
            }
        }
    }

    private static List<String> ids(ArticleQueries queries, Map<String, String> params) throws Exception {
        return queries.find(ArticleFilter.parse(params)).articles().stream().map(ArticleSummary::id).toList();
    }
}
