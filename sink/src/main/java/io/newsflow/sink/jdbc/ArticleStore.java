package io.newsflow.sink.jdbc;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.Revision;
import java.sql.SQLException;
import java.util.List;

/**
 * Durable storage of articles, one row per article id at its newest version, and of their
 * revisions, one row per edit, so every version a reader saw is kept.
 */
public interface ArticleStore extends AutoCloseable {

    /**
     * Writes articles and revisions in one transaction. An article older than or equal to the
     * stored version is skipped, so redelivered and out-of-order records never replace a newer one;
     * a revision already stored (same article, same new version) is skipped too.
     *
     * @return how many records of each kind inserted or updated a row; the rest were stale
     * @throws SQLException when the transaction failed; nothing of the batch is stored then (but
     *     see {@link ParallelArticleStore}, which writes a batch as several transactions), and
     *     {@link WriteFailure#of} tells whether to retry or to blame a record
     */
    Written write(List<Article> articles, List<Revision> revisions) throws SQLException;

    /** Writes articles alone; see {@link #write(List, List)}. Returns how many changed a row. */
    default int write(List<Article> articles) throws SQLException {
        return write(articles, List.of()).articles();
    }

    @Override
    void close();

    /** How many articles and revisions of a batch changed the database. */
    record Written(int articles, int revisions) {
    }
}
