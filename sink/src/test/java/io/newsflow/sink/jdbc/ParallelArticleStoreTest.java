package io.newsflow.sink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.Revision;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelArticleStoreTest {

    private static final Instant T0 = Instant.parse("2024-05-01T09:30:00Z");

    @TempDir
    Path dir;

    @Test
    void writesABatchOnSeveralPostgresqlConnectionsAndFindsItStaleWhenRedelivered() throws Exception {
        try (TestDatabase db = TestDatabase.postgres(); ArticleStore store = ParallelArticleStore.open(db.database(), 3)) {
            assertInstanceOf(ParallelArticleStore.class, store);
            List<Article> batch = TestArticles.many("par", 400, T0);
            List<Revision> revisions = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Article old = batch.get(i);
                revisions.add(TestRevisions.retitled(old, TestRevisions.edited(old, 2, "Edited " + i)));
            }
            assertEquals(new ArticleStore.Written(400, 100), store.write(batch, revisions));
            assertEquals(new ArticleStore.Written(0, 0), store.write(batch, revisions), "a redelivered batch is stale");
            assertEquals(400, db.count("SELECT COUNT(*) FROM articles"));
            assertEquals(800, db.count("SELECT COUNT(*) FROM article_countries"));
            assertEquals(400, db.count("SELECT COUNT(*) FROM article_persons"));
            assertEquals(100, db.count("SELECT COUNT(*) FROM article_revisions"));
        }
    }

    @Test
    void keepsTheNewestVersionOfAnIdWhoseVersionsAreSpreadOverTheBatch() throws Exception {
        try (TestDatabase db = TestDatabase.postgres(); ArticleStore store = ParallelArticleStore.open(db.database(), 2)) {
            List<Article> batch = new ArrayList<>(TestArticles.many("spread", 200, T0));
            Article v1 = TestArticles.article("moving", 1, "Moving", T0);
            Article v3 = TestArticles.retagged(v1, 3, List.of());
            Article v2 = TestArticles.retagged(v1, 2, List.of(v1.countries().get(0)));
            batch.add(0, v3);
            batch.add(100, v1);
            batch.add(v2);
            assertEquals(201, store.write(batch), "each id's versions go to one part: v3 is the one written");
            assertEquals(3, db.count("SELECT version FROM articles WHERE id = 'moving'"));
            assertEquals(0, db.count("SELECT COUNT(*) FROM article_countries WHERE article_id = 'moving'"));
        }
    }

    @Test
    void aPoisonRecordFailsItsPartAsADataErrorAndARetryFindsTheOtherPartsStale() throws Exception {
        try (TestDatabase db = TestDatabase.postgres(); ArticleStore store = ParallelArticleStore.open(db.database(), 2)) {
            List<Article> good = TestArticles.many("good", 200, T0);
            List<Article> batch = new ArrayList<>(good);
            batch.add(TestArticles.poison("bad", T0));
            SQLException e = assertThrows(SQLException.class, () -> store.write(batch));
            assertEquals(WriteFailure.DATA, WriteFailure.of(e), e.toString());
            long committed = db.count("SELECT COUNT(*) FROM articles");
            assertTrue(committed > 0 && committed < 200, "the part without the poison committed: " + committed);
            assertEquals(200 - committed, store.write(good), "the retry writes what the failed part held back");
            assertEquals(200, db.count("SELECT COUNT(*) FROM articles"));
        }
    }

    @Test
    void sqliteIsWrittenOnOneConnectionWhateverIsAsked() throws Exception {
        try (TestDatabase db = TestDatabase.sqlite(dir); ArticleStore store = ParallelArticleStore.open(db.database(), 4)) {
            assertInstanceOf(JdbcArticleStore.class, store);
            assertEquals(300, store.write(TestArticles.many("lite", 300, T0)));
        }
    }

    @Test
    void anOutageInOnePartWinsOverADataErrorInAnother() {
        SQLException poison = new SQLException("value too long", "22001");
        SQLException outage = new SQLException("connection lost", "08006");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ArticleStore refusing = failing(poison, threads);
        ArticleStore down = failing(outage, threads);
        try (ParallelArticleStore store = new ParallelArticleStore(List.of(refusing, down))) {
            SQLException e = assertThrows(SQLException.class, () -> store.write(TestArticles.many("x", 200, T0)));
            assertSame(outage, e, "the batch is retried whole, not bisected");
            assertEquals(WriteFailure.TRANSIENT, WriteFailure.of(e));
            assertEquals(List.of(poison), List.of(e.getSuppressed()));
            assertEquals(2, threads.size(), "the parts were written at once on two threads");
        }
    }

    @Test
    void aSmallBatchIsOneTransaction() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> sizes = new ArrayList<>();
        ArticleStore counting = new ArticleStore() {
            @Override
            public synchronized Written write(List<Article> articles, List<Revision> revisions) {
                threads.add(Thread.currentThread().getName());
                sizes.add(articles.size());
                return new Written(articles.size(), revisions.size());
            }

            @Override
            public void close() {
            }
        };
        try (ParallelArticleStore store = new ParallelArticleStore(List.of(counting, counting))) {
            assertEquals(ParallelArticleStore.MIN_PART_RECORDS, store.write(TestArticles.many("s", ParallelArticleStore.MIN_PART_RECORDS, T0)));
            assertEquals(List.of(ParallelArticleStore.MIN_PART_RECORDS), sizes);
            assertEquals(Set.of(Thread.currentThread().getName()), threads);
        }
    }

    private static ArticleStore failing(SQLException failure, Set<String> threads) {
        return new ArticleStore() {
            @Override
            public Written write(List<Article> articles, List<Revision> revisions) throws SQLException {
                threads.add(Thread.currentThread().getName());
                throw failure;
            }

            @Override
            public void close() {
            }
        };
    }
}
