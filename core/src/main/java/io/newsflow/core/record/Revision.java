package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An edit of a published article, as published on {@code newsflow.revisions} keyed by article id:
 * both versions as a reader saw them and what changed between them, field by field.
 *
 * @param articleId the article's id
 * @param url the article's canonical URL
 * @param source the source that discovered it
 * @param oldVersion the version before the edit
 * @param newVersion the version after the edit
 * @param detectedAt when the edit was detected
 * @param before the old version
 * @param after the new version
 * @param changes what changed
 */
@JsonPropertyOrder({"schema"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Revision(String articleId, String url, String source, int oldVersion, int newVersion, Instant detectedAt,
        ArticleSnapshot before, ArticleSnapshot after, Changes changes) implements SchemaVersioned {

    public static final String SCHEMA = "revision/1";

    public Revision {
        requireNonNull(articleId, "articleId");
        requireNonNull(url, "url");
        requireNonNull(source, "source");
        requireNonNull(detectedAt, "detectedAt");
        requireNonNull(before, "before");
        requireNonNull(after, "after");
        requireNonNull(changes, "changes");
    }

    @Override
    public String schema() {
        return SCHEMA;
    }

    /**
     * The field-level diff; a field that did not change is absent, a paragraph list that did not
     * change is empty.
     *
     * @param title the headline before and after
     * @param authors the byline before and after
     * @param publishedAt the declared publication time before and after
     * @param modifiedAt the declared modification time before and after
     * @param paragraphsAdded paragraphs only in the new version
     * @param paragraphsRemoved paragraphs only in the old version
     * @param paragraphsChanged paragraphs rewritten in place
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Changes(@Nullable FieldChange<String> title, @Nullable FieldChange<List<String>> authors,
            @Nullable FieldChange<Instant> publishedAt, @Nullable FieldChange<Instant> modifiedAt,
            List<ParagraphEdit> paragraphsAdded, List<ParagraphEdit> paragraphsRemoved,
            List<ParagraphEdit> paragraphsChanged) {

        public Changes {
            paragraphsAdded = List.copyOf(requireNonNull(paragraphsAdded, "paragraphsAdded"));
            paragraphsRemoved = List.copyOf(requireNonNull(paragraphsRemoved, "paragraphsRemoved"));
            paragraphsChanged = List.copyOf(requireNonNull(paragraphsChanged, "paragraphsChanged"));
        }

        /** Whether nothing changed. Not a JSON field: it follows from the others. */
        @JsonIgnore
        public boolean isEmpty() {
            return title == null && authors == null && publishedAt == null && modifiedAt == null && paragraphsAdded.isEmpty()
                    && paragraphsRemoved.isEmpty() && paragraphsChanged.isEmpty();
        }

        /** The names of the fields that changed, e.g. {@code [title, paragraphs]}, for metrics and lists. */
        public List<String> fields() {
            List<String> fields = new ArrayList<>();
            if (title != null) {
                fields.add("title");
            }
            if (authors != null) {
                fields.add("authors");
            }
            if (publishedAt != null || modifiedAt != null) {
                fields.add("dates");
            }
            if (!paragraphsAdded.isEmpty() || !paragraphsRemoved.isEmpty() || !paragraphsChanged.isEmpty()) {
                fields.add("paragraphs");
            }
            return fields;
        }
    }

    /** A field's value before and after the edit; null stands for absent. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldChange<T>(@Nullable T before, @Nullable T after) {
    }

    /**
     * One paragraph added, removed or changed.
     *
     * @param beforeIndex its position in the old version (absent when added)
     * @param afterIndex its position in the new version (absent when removed)
     * @param before its old text (absent when added)
     * @param after its new text (absent when removed)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParagraphEdit(@Nullable Integer beforeIndex, @Nullable Integer afterIndex, @Nullable String before,
            @Nullable String after) {
    }
}
