package io.newsflow.sink.query;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing, newest first.
 *
 * @param next the cursor of the following page, null on the last page
 */
public record ArticlePage(List<ArticleSummary> articles, @Nullable String next) {

    public ArticlePage {
        articles = List.copyOf(articles);
    }
}
