package io.newsflow.sink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleSnapshot;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.Revision;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcArticleStoreTest {

    private static final Instant T0 = Instant.parse("2024-05-01T09:30:00Z");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void writesTheSameBatchTwiceAsOneRowPerArticle(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database())) {
            List<Article> batch = TestArticles.many("same", 3, T0);
            assertEquals(3, store.write(batch));
            assertEquals(0, store.write(batch), "the second delivery is stale");
            assertEquals(3, db.count("SELECT COUNT(*) FROM articles"));
            assertEquals(6, db.count("SELECT COUNT(*) FROM article_countries"));
            assertEquals(3, db.count("SELECT COUNT(*) FROM article_persons"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void keepsTheNewestVersionWhenVersionsArriveOutOfOrder(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database())) {
            Article v1 = TestArticles.article("ooo", 1, "First", T0);
            Article v2 = TestArticles.retagged(v1, 2, List.of(v1.countries().get(0)));
            Article v3 = TestArticles.retagged(v1, 3, List.of());
            assertEquals(1, store.write(List.of(v3)));
            assertEquals(0, store.write(List.of(v1, v2)));
            assertEquals(3, db.count("SELECT version FROM articles WHERE id = 'ooo'"));
            assertEquals(0, db.count("SELECT COUNT(*) FROM article_countries"), "v3's tags, not v1's or v2's");

            Article other = TestArticles.article("mixed", 1, "Mixed", T0);
            Article other2 = TestArticles.retagged(other, 2, List.of(other.countries().get(1)));
            Article other3 = TestArticles.retagged(other, 3, List.of(other.countries().get(0)));
            assertEquals(2, store.write(List.of(other2, other, other3, other2)), "v2 then v3 changed the row");
            assertEquals(3, db.count("SELECT version FROM articles WHERE id = 'mixed'"));
            assertEquals(1, db.count("SELECT COUNT(*) FROM article_countries WHERE article_id = 'mixed' AND code = 'KP'"));
            assertEquals(1, db.count("SELECT COUNT(*) FROM article_countries WHERE article_id = 'mixed'"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void refusesABatchWithAPoisonRecordAsADataErrorAndStoresNoneOfIt(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database())) {
            List<Article> batch = List.of(TestArticles.article("good", 1, "Good", T0), TestArticles.poison("bad", T0));
            SQLException e = assertThrows(SQLException.class, () -> store.write(batch));
            assertEquals(WriteFailure.DATA, WriteFailure.of(e), e.toString());
            assertEquals(0, db.count("SELECT COUNT(*) FROM articles"));
            assertEquals(1, store.write(batch.subList(0, 1)), "the connection is still usable");
        }
    }

    @Test
    void refusesTextWithANulCharacterInPostgresqlAsADataError() throws Exception {
        try (TestDatabase db = TestDatabase.postgres(); JdbcArticleStore store = new JdbcArticleStore(db.database())) {
            Article a = TestArticles.article("nul", 1, "Nul \u0000 inside", T0);
            SQLException e = assertThrows(SQLException.class, () -> store.write(List.of(a)));
            assertEquals(WriteFailure.DATA, WriteFailure.of(e), e.toString());
        }
    }

    @Test
    void startsWithAnUnreachablePostgresqlAndReportsTheWriteAsTransient() throws Exception {
        // port 9 (discard) is closed on the test machines: connection refused
        try (JdbcArticleStore store = new JdbcArticleStore("jdbc:postgresql://127.0.0.1:9/test", "postgres", "")) {
            SQLException e = assertThrows(SQLException.class, () -> store.write(List.of(TestArticles.article("x", 1, "X", T0))));
            assertEquals(WriteFailure.TRANSIENT, WriteFailure.of(e), e.toString());
        }
    }

    @Test
    void reportsALockedSqliteFileAsTransientAndWritesOnceTheLockIsGone() throws Exception {
        TestDatabase db = TestDatabase.sqlite(dir);
        try (JdbcArticleStore store = new JdbcArticleStore(db.jdbcUrl() + "?busy_timeout=50", "", "")) {
            try (var locker = db.connect(); var st = locker.createStatement()) {
                st.execute("BEGIN EXCLUSIVE");
                SQLException e = assertThrows(SQLException.class, () -> store.write(List.of(TestArticles.article("l", 1, "L", T0))));
                assertEquals(WriteFailure.TRANSIENT, WriteFailure.of(e), e.toString());
                st.execute("ROLLBACK");
            }
            assertEquals(1, store.write(List.of(TestArticles.article("l", 1, "L", T0))));
        }
    }

    @Test
    void storesTimesInSqliteAsFixedWidthTextSoThatTextOrderIsTimeOrder() throws Exception {
        TestDatabase db = TestDatabase.sqlite(dir);
        try (JdbcArticleStore store = new JdbcArticleStore(db.database())) {
            store.write(List.of(TestArticles.article("whole", 1, "Whole", Instant.parse("2024-05-01T09:30:00Z")),
                    TestArticles.article("frac", 1, "Frac", Instant.parse("2024-05-01T09:30:00.5Z"))));
            try (var c = db.connect(); var st = c.createStatement();
                    var rs = st.executeQuery("SELECT id, dated_at FROM articles ORDER BY dated_at")) {
                rs.next();
                assertEquals("whole", rs.getString(1));
                assertEquals("2024-05-01T09:30:00.000Z", rs.getString(2));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void keepsTagsOfAnUnchangedVersionWhenItIsRedelivered(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database())) {
            Article a = TestArticles.article("keep", 1, "Keep", T0);
            store.write(List.of(a));
            store.write(List.of(TestArticles.retagged(a, 1, List.of(new CountryTag("FR", "France", 1, List.of())))));
            assertEquals(0, db.count("SELECT COUNT(*) FROM article_countries WHERE code = 'FR'"));
            assertEquals(2, db.count("SELECT COUNT(*) FROM article_countries"));
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void storesARedeliveredRevisionOnceWithBothVersionsAndItsDiff(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database())) {
            Article v1 = TestArticles.article("edited", 1, "Talks planned", T0);
            Article v2 = TestRevisions.edited(v1, 2, "Talks cancelled");
            Revision revision = TestRevisions.retitled(v1, v2);
            assertEquals(new ArticleStore.Written(1, 0), store.write(List.of(v1), List.of()));
            assertEquals(new ArticleStore.Written(1, 1), store.write(List.of(v2), List.of(revision)));
            assertEquals(new ArticleStore.Written(0, 0), store.write(List.of(v2), List.of(revision, revision)),
                    "a replayed revision is stored once");
            assertEquals(1, db.count("SELECT COUNT(*) FROM article_revisions"));
            try (var c = db.connect(); var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT old_version, new_version, fields, old_snapshot, new_snapshot, changes FROM article_revisions")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                assertEquals(2, rs.getInt(2));
                assertEquals(List.of("title", "paragraphs"), JsonCodec.MAPPER.readValue(rs.getString(3), List.class));
                assertEquals(ArticleSnapshot.of(v1), JsonCodec.decode(rs.getBytes(4), ArticleSnapshot.class));
                assertEquals(ArticleSnapshot.of(v2), JsonCodec.decode(rs.getBytes(5), ArticleSnapshot.class));
                assertEquals(revision.changes(), JsonCodec.decode(rs.getBytes(6), Revision.Changes.class));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void storesARevisionThatArrivesBeforeItsArticle(Dialect dialect) throws Exception {
        try (TestDatabase db = TestDatabase.of(dialect, dir); JdbcArticleStore store = new JdbcArticleStore(db.database())) {
            Article v1 = TestArticles.article("early", 1, "Early", T0);
            Revision revision = TestRevisions.retitled(v1, TestRevisions.edited(v1, 2, "Earlier"));
            assertEquals(new ArticleStore.Written(0, 1), store.write(List.of(), List.of(revision)));
            assertEquals(0, db.count("SELECT COUNT(*) FROM articles"));
        }
    }
}
