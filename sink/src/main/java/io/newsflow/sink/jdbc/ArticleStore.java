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
     * @return how many records of the batch inserted or updated a row; the rest were stale
     * @throws SQLException when the transaction failed; nothing of the batch is stored then, and
     *     {@link WriteFailure#of} tells whether to retry or to blame a record
     */
    int write(List<Article> batch) throws SQLException;

    @Override
    void close();
}
