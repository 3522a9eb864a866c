package io.newsflow.sink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.sink.query.ArticleFilter;
import io.newsflow.sink.query.ArticleQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
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
        try (TestDatabase db = TestDatabase.of(dialect, dir)) {
            int latest = scripts(dialect);
            assertEquals(latest, Migrations.apply(db.database()));
            assertEquals(latest, Migrations.apply(db.database()), "a second run changes nothing");
            assertEquals(latest, db.count("SELECT COUNT(*) FROM " + Migrations.HISTORY_TABLE + " WHERE success = "
                    + (dialect == Dialect.POSTGRESQL ? "true" : "1")));
            assertEquals(0, db.count("SELECT COUNT(*) FROM articles"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void upgradesAVersionOneDatabaseKeepingItsArticles(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir)) {
            assertEquals(1, Migrations.apply(db.database(), 1));
            insertVersionOneRow(db, dialect);
            try (JdbcArticleStore store = new JdbcArticleStore(db.database())) {
                store.write(List.of(TestArticles.article("new", 1, "New", Instant.parse("2024-01-01T00:00:00Z"))));
            }
            assertEquals(scripts(dialect), Migrations.apply(db.database()));
            try (ArticleQueries queries = new ArticleQueries(db.database())) {
                var page = queries.find(ArticleFilter.parse(Map.of("q", "harbour talk")));
                assertEquals(List.of("old"), page.articles().stream().map(a -> a.id()).toList(), "old rows are searchable");
                assertEquals(Instant.parse("2023-02-03T04:05:06Z"), page.articles().get(0).datedAt());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void takesOverADatabaseTheFormerMigrationRunnerBroughtToVersionTwo(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir)) {
            // what the sink's own runner left: the version-2 schema and its version table, no Flyway history
            assertEquals(1, Migrations.apply(db.database(), 1));
            insertVersionOneRow(db, dialect);
            assertEquals(2, Migrations.apply(db.database(), 2));
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("DROP TABLE " + Migrations.HISTORY_TABLE);
                st.execute("CREATE TABLE newsflow_schema_version (version INTEGER PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)");
                st.execute("INSERT INTO newsflow_schema_version VALUES (1, '2026-11-01T00:00:00Z'), (2, '2026-11-02T00:00:00Z')");
            }
            assertEquals(scripts(dialect), Migrations.apply(db.database()));
            assertEquals(1, db.count("SELECT COUNT(*) FROM articles"), "the articles stay");
            try (Connection c = db.connect(); ResultSet tables = c.getMetaData().getTables(null, null, "newsflow_schema_version", null)) {
                assertFalse(tables.next(), "the former version table is dropped");
            }
            assertEquals(1, db.count("SELECT COUNT(*) FROM " + Migrations.HISTORY_TABLE + " WHERE version = '2' AND type = 'BASELINE'"));
        }
    }

    @Test
    void appliesEachScriptOnceWhenTwoSinksStartTogetherOnPostgresql() throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Callable<Integer> migrate = () -> Migrations.apply(db.database());
                Future<Integer> first = pool.submit(migrate);
                Future<Integer> second = pool.submit(migrate);
                int latest = scripts(Dialect.POSTGRESQL);
                assertEquals(latest, first.get());
                assertEquals(latest, second.get());
                assertEquals(latest, db.count("SELECT COUNT(*) FROM " + Migrations.HISTORY_TABLE));
            } finally {
                pool.shutdown();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aChangedScriptIsRefusedByItsChecksum(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir)) {
            Migrations.apply(db.database());
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("UPDATE " + Migrations.HISTORY_TABLE + " SET checksum = 42 WHERE version = '1'");
            }
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> Migrations.apply(db.database()));
            assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void fillsInThePersonIdentityOfRowsStoredBeforeIt(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir)) {
            assertEquals(1, Migrations.apply(db.database(), 1));
            insertVersionOneRow(db, dialect);
            String spans = dialect == Dialect.POSTGRESQL ? "'[]'::jsonb" : "'[]'";
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO article_persons (article_id, name, mentions, spans) VALUES ('old', "
                        + "'President Donald J. Trump', 2, " + spans + "), ('old', 'Erdoğan', 1, " + spans + ")");
            }
            assertEquals(PersonIdentityBackfill.VERSION, Migrations.apply(db.database()));
            assertEquals(1, db.count("SELECT COUNT(*) FROM article_persons WHERE entity_id = 'person:donald-trump' "
                    + "AND surname = 'trump'"));
            assertEquals(1, db.count("SELECT COUNT(*) FROM article_persons WHERE entity_id = 'person:erdogan' "
                    + "AND surname = 'erdogan'"), "folded as new rows are");
            try (ArticleQueries queries = new ArticleQueries(db.database())) {
                for (String asked : List.of("Donald Trump", "Trump", "person:donald-trump")) {
                    assertEquals(List.of("old"), queries.find(ArticleFilter.parse(Map.of("person", asked))).articles()
                            .stream().map(a -> a.id()).toList(), asked);
                }
            }
        }
    }

    /** A row as the version-1 sink wrote it: times as Instant.toString(). */
    private static void insertVersionOneRow(TestDatabase db, Dialect dialect) throws SQLException {
        String json = dialect == Dialect.POSTGRESQL ? "'[]'::jsonb" : "'[]'";
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO articles (id, url, source, title, authors, published_at, text, word_count, "
                    + "content_sha256, version, fetched_at, stored_at, extractor_version, tagger_version) VALUES "
                    + "('old', 'https://example.org/old', 'test', 'Harbour talks resume', " + json
                    + ", '2023-02-03T04:05:06Z', 'The harbour board talked.', 4, 'x', 1, '2023-02-03T05:00:00Z', "
                    + "'2023-02-03T05:00:01Z', 'e', 't')");
        }
    }

    /** How many migrations the dialect has, its scripts and the Java backfill: the version an up-to-date database is at. */
    private static int scripts(Dialect dialect) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db", dialect.resourceDir()))) {
            return 1 + (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        }
    }
}
