package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a reader sees of one version of an article: the fields a stealth edit can change.
 *
 * @param version the article's version number on {@code newsflow.articles}
 * @param fetchedAt when the page of this version was fetched
 * @param title the headline
 * @param authors the byline
 * @param publishedAt the publication time the page declared
 * @param modifiedAt the modification time the page declared
 * @param paragraphs the body text, one entry per paragraph
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleSnapshot(int version, Instant fetchedAt, String title, List<String> authors,
        @Nullable Instant publishedAt, @Nullable Instant modifiedAt, List<String> paragraphs) {

    public ArticleSnapshot {
        requireNonNull(fetchedAt, "fetchedAt");
        requireNonNull(title, "title");
        authors = List.copyOf(requireNonNull(authors, "authors"));
        paragraphs = List.copyOf(requireNonNull(paragraphs, "paragraphs"));
    }

    /** The snapshot of an article; its text is split into paragraphs at the blank lines that join them. */
    public static ArticleSnapshot of(Article article) {
        return new ArticleSnapshot(article.version(), article.fetchedAt(), article.title(), article.authors(),
                article.publishedAt(), article.modifiedAt(), paragraphs(article.text()));
    }

    /** An article's text as paragraphs: split at the blank lines that join them; none for a blank text. */
    public static List<String> paragraphs(String text) {
        return text.isBlank() ? List.of() : List.of(text.split("\n\n"));
    }

    /**
     * Whether a reader would see the same article: same title, byline, publication time and
     * paragraphs. The modification time alone does not count: many pages stamp every render with it.
     */
    public boolean sameContent(ArticleSnapshot other) {
        return title.equals(other.title) && authors.equals(other.authors)
                && Objects.equals(publishedAt, other.publishedAt) && paragraphs.equals(other.paragraphs);
    }
}
