package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A country an article mentions.
 *
 * @param code ISO 3166-1 alpha-2 code
 * @param name the English short name
 * @param count how many mentions
 * @param mentions every mention, in text order
 */
public record CountryTag(String code, String name, int count, List<Span> mentions) {

    public CountryTag {
        requireNonNull(code, "code");
        requireNonNull(name, "name");
        mentions = List.copyOf(requireNonNull(mentions, "mentions"));
    }
}
