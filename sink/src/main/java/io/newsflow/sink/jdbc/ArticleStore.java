package io.newsflow.sink.jdbc;

import io.newsflow.core.record.Article;
import java.sql.SQLException;
import java.util.List;

/** Durable storage of articles, one row per article id at its newest version. */
public interface ArticleStore extends AutoCloseable {

    /**
     * Writes a batch in one transaction. An article older than or equal to the stored version is
     * skipped, so redelivered and out-of-order records never replace a newer one.
     *
     * @return how many rows were inserted or updated
     * @throws SQLException when the transaction failed; nothing of the batch is stored then
     */
    int write(List<Article> batch) throws SQLException;

    /** Whether the database answers, for {@code /ready}. */
    boolean isReachable();

    @Override
    void close();
}
