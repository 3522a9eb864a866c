package io.newsflow.sink.jdbc;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.Revision;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes each batch as several transactions at once, one per underlying store (each with its own
 * connection), the batch split by article id. PostgreSQL computes an article's full-text vector
 * in the backend that inserts the row, about half a millisecond per news article, so one
 * connection keeps at most one server core busy however fast the sink hands it rows.
 *
 * <p>Every record of an id, article or revision, goes to the same part, so the version guard keeps
 * the newest version exactly as with one store. What is weaker is atomicity: when one part fails,
 * the parts that committed stay stored. The sink then retries the whole batch (or bisects it on a
 * data error), and the committed parts are found stale: the write is idempotent, so nothing is
 * lost or doubled, but a retried batch counts those rows as stale rather than written.
 */
public final class ParallelArticleStore implements ArticleStore {

    /** Below this many records a part, splitting costs more hand-over than it saves. */
    static final int MIN_PART_RECORDS = 50;

    private final List<ArticleStore> parts;
    private final ExecutorService executor;

    /**
     * @param parts the stores to write the parts on, at least two; closed with this store
     */
    public ParallelArticleStore(List<? extends ArticleStore> parts) {
        this.parts = List.copyOf(requireNonNull(parts, "parts"));
        if (this.parts.size() < 2) {
            throw new IllegalArgumentException("a parallel store needs at least two parts, got " + this.parts.size());
        }
        AtomicInteger n = new AtomicInteger();
        // the calling thread writes the first part itself
        this.executor = Executors.newFixedThreadPool(this.parts.size() - 1, task -> {
            Thread t = new Thread(task, "newsflow-sink-writer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens {@code writers} stores on the database, or one when the database takes a single
     * writer at a time (SQLite) or one is asked for.
     */
    public static ArticleStore open(Database database, int writers) throws SQLException {
        requireNonNull(database, "database");
        if (writers < 1) {
            throw new IllegalArgumentException("writers must be at least 1, got " + writers);
        }
        if (writers == 1 || database.dialect() == Dialect.SQLITE) {
            return new JdbcArticleStore(database);
        }
        List<JdbcArticleStore> stores = new ArrayList<>(writers);
        try {
            for (int i = 0; i < writers; i++) {
                stores.add(new JdbcArticleStore(database));
            }
        } catch (SQLException | RuntimeException e) {
            stores.forEach(JdbcArticleStore::close);
            throw e;
        }
        return new ParallelArticleStore(stores);
    }

    @Override
    public Written write(List<Article> articles, List<Revision> revisions) throws SQLException {
        int n = Math.min(parts.size(), (articles.size() + revisions.size()) / MIN_PART_RECORDS);
        if (n < 2) {
            return parts.get(0).write(articles, revisions);
        }
        List<List<Article>> articleParts = split(articles, n, Article::id);
        List<List<Revision>> revisionParts = split(revisions, n, Revision::articleId);
        List<Future<Written>> others = new ArrayList<>(n - 1);
        for (int i = 1; i < n; i++) {
            ArticleStore store = parts.get(i);
            List<Article> a = articleParts.get(i);
            List<Revision> r = revisionParts.get(i);
            others.add(executor.submit(() -> store.write(a, r)));
        }
        int written = 0;
        int revised = 0;
        SQLException failure = null;
        Throwable unexpected = null;
        try {
            Written own = parts.get(0).write(articleParts.get(0), revisionParts.get(0));
            written += own.articles();
            revised += own.revisions();
        } catch (SQLException e) {
            failure = e;
        } catch (RuntimeException e) {
            unexpected = e;
        }
        // wait for every part, so no part is still writing when the caller retries the batch
        for (Future<Written> other : others) {
            try {
                Written w = awaitUninterruptibly(other);
                written += w.articles();
                revised += w.revisions();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof SQLException sql)) {
                    // a bug, not the database: it surfaces as it would from a single store
                    unexpected = e.getCause();
                    continue;
                }
                failure = worse(failure, sql);
            }
        }
        if (unexpected instanceof RuntimeException r) {
            throw r;
        }
        if (unexpected instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw failure;
        }
        return new Written(written, revised);
    }

    private static <T> List<List<T>> split(List<T> records, int n, Function<T, String> id) {
        List<List<T>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>(records.size() / n + 1));
        }
        for (T record : records) {
            out.get(Math.floorMod(id.apply(record).hashCode(), n)).add(record);
        }
        return out;
    }

    // the sink's own thread is interrupted only on close; the parts still finish their transactions
    private static Written awaitUninterruptibly(Future<Written> future) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The failure the sink should act on: one the database may get over (retry the whole batch)
     * before a data error (bisect it), since bisecting a batch whose other part is only waiting
     * for the database would take it apart for nothing.
     */
    private static SQLException worse(@Nullable SQLException current, SQLException e) {
        if (current == null) {
            return e;
        }
        if (WriteFailure.of(current) == WriteFailure.DATA && WriteFailure.of(e) != WriteFailure.DATA) {
            e.addSuppressed(current);
            return e;
        }
        current.addSuppressed(e);
        return current;
    }

    @Override
    public void close() {
        executor.shutdown();
        parts.forEach(ArticleStore::close);
    }
}
