package io.newsflow.sink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MigrationsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void bringsAnEmptyDatabaseToTheLatestVersionAndLeavesItThere(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); Connection c = db.connect()) {
            int latest = Migrations.latestVersion(dialect);
            assertEquals(3, latest);
            assertEquals(latest, Migrations.apply(c, dialect));
            assertEquals(latest, Migrations.apply(c, dialect), "a second run changes nothing");
            assertEquals(latest, db.count("SELECT COUNT(*) FROM newsflow_schema_version"));
            assertEquals(0, db.count("SELECT COUNT(*) FROM articles"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void upgradesAVersionOneDatabaseKeepingItsArticles(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir)) {
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                assertEquals(1, Migrations.apply(c, dialect, 1));
                // a row as the version-1 sink wrote it: times as Instant.toString()
                String json = dialect == Dialect.POSTGRESQL ? "'[]'::jsonb" : "'[]'";
                st.execute("INSERT INTO articles (id, url, source, title, authors, published_at, text, word_count, "
                        + "content_sha256, version, fetched_at, stored_at, extractor_version, tagger_version) VALUES "
                        + "('old', 'https://example.org/old', 'test', 'Harbour talks resume', " + json
                        + ", '2023-02-03T04:05:06Z', 'The harbour board talked.', 4, 'x', 1, '2023-02-03T05:00:00Z', "
                        + "'2023-02-03T05:00:01Z', 'e', 't')");
            }
            try (JdbcArticleStore store = new JdbcArticleStore(db.database())) {
                assertEquals(3, db.count("SELECT MAX(version) FROM newsflow_schema_version"));
                store.write(List.of(TestArticles.article("new", 1, "New", java.time.Instant.parse("2024-01-01T00:00:00Z"))));
            }
            var queries = new io.newsflow.sink.query.ArticleQueries(db.database());
            var page = queries.find(io.newsflow.sink.query.ArticleFilter.parse(java.util.Map.of("q", "harbour talk")));
            assertEquals(List.of("old"), page.articles().stream().map(a -> a.id()).toList(), "old rows are searchable");
            assertEquals(java.time.Instant.parse("2023-02-03T04:05:06Z"), page.articles().get(0).datedAt());
            queries.close();
        }
    }

    @Test
    void appliesEachScriptOnceWhenTwoSinksStartTogetherOnPostgresql() throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Callable<Integer> migrate = () -> {
                    try (Connection c = db.connect()) {
                        return Migrations.apply(c, Dialect.POSTGRESQL);
                    }
                };
                var first = pool.submit(migrate);
                var second = pool.submit(migrate);
                assertEquals(3, first.get());
                assertEquals(3, second.get());
            } finally {
                pool.shutdown();
            }
            assertEquals(3, db.count("SELECT COUNT(*) FROM newsflow_schema_version"));
        }
    }

    @Test
    void keepsATriggerBodyAsOneStatement() {
        List<String> statements = Migrations.statements("""
                -- comment
                CREATE TABLE t (a INT);
                CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN
                    INSERT INTO u VALUES (new.a);
                    INSERT INTO v VALUES (new.a);
                END;
                INSERT INTO t VALUES (1);
                """);
        assertEquals(3, statements.size(), statements.toString());
        assertEquals("INSERT INTO t VALUES (1)", statements.get(2));
    }
}
