package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One (article, entity) pair as published on {@code newsflow.mentions}, keyed by {@link #entityId()}
 * so a subscriber can follow one country or person.
 *
 * @param articleId the article's id
 * @param entityType {@code country} or {@code person}
 * @param entityId {@code country:KP} or {@code person:rex-tillerson}
 * @param name the entity's display name
 * @param count how often the article mentions it
 * @param publishedAt the article's publication time, if known
 * @param url the article's URL
 * @param title the article's title
 * @param version the article version this pair belongs to
 */
@JsonPropertyOrder({"schema"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityMention(
        String articleId,
        String entityType,
        String entityId,
        String name,
        int count,
        @Nullable Instant publishedAt,
        String url,
        String title,
        int version) implements SchemaVersioned {

    public static final String SCHEMA = "mention/1";
    public static final String COUNTRY = "country";
    public static final String PERSON = "person";

    public EntityMention {
        requireNonNull(articleId, "articleId");
        requireNonNull(entityType, "entityType");
        if (!COUNTRY.equals(entityType) && !PERSON.equals(entityType)) {
            throw new IllegalArgumentException("entityType must be country or person, was " + entityType);
        }
        requireNonNull(entityId, "entityId");
        requireNonNull(name, "name");
        requireNonNull(url, "url");
        requireNonNull(title, "title");
    }

    @Override
    public String schema() {
        return SCHEMA;
    }
}
