package io.newsflow.enrich.extract;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the extractor found on a page. An empty {@link #text()} means the page is not an article;
 * {@link #reason()} then says why.
 */
public record Extraction(
        String title,
        List<String> authors,
        @Nullable Instant publishedAt,
        @Nullable Instant modifiedAt,
        @Nullable String section,
        @Nullable String lead,
        @Nullable String language,
        @Nullable String canonicalUrl,
        @Nullable String image,
        String text,
        @Nullable String reason) {

    public Extraction {
        requireNonNull(title, "title");
        authors = List.copyOf(requireNonNull(authors, "authors"));
        requireNonNull(text, "text");
    }

    public boolean isArticle() {
        return !text.isEmpty();
    }
}
