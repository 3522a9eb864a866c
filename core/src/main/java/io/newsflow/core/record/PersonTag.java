package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A person an article mentions, under one canonical name however the text refers to them.
 *
 * @param name the canonical name, the fullest form used in the article
 * @param count how many mentions
 * @param mentions every mention, in text order
 * @param entityId the person's identity across articles ({@code person:} and a slug); records
 *     written before identities existed read with the id their canonical name reduces to
 */
public record PersonTag(String name, int count, List<Span> mentions, String entityId) {

    public PersonTag {
        requireNonNull(name, "name");
        mentions = List.copyOf(requireNonNull(mentions, "mentions"));
        if (entityId == null) {
            entityId = PersonNames.entityId(name);
        }
    }

    /** A tag whose identity is, until a registry links it, the one its article-local name reduces to. */
    public PersonTag(String name, int count, List<Span> mentions) {
        this(name, count, mentions, null);
    }

    /** The same tag linked to the identity {@code id}. */
    public PersonTag withEntityId(String id) {
        return new PersonTag(name, count, mentions, requireNonNull(id, "id"));
    }
}
