package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A person an article mentions, under one canonical name however the text refers to them.
 *
 * @param name the canonical name, the fullest form used in the article
 * @param count how many mentions
 * @param mentions every mention, in text order
 */
public record PersonTag(String name, int count, List<Span> mentions) {

    public PersonTag {
        requireNonNull(name, "name");
        mentions = List.copyOf(requireNonNull(mentions, "mentions"));
    }
}
