package io.newsflow.enrich.tag.text;

/**
 * A named-entity span in character offsets, as the sequence model labelled it, shared between the
 * taggers so the country tagger can tell "Bank of America" or "Paris Hilton" from a country.
 *
 * @param type PER, LOC, ORG or MISC
 * @param start offset of the first character
 * @param end offset after the last character
 * @param tokens how many tokens the span covers
 * @param person true when the span is a person known by a name of two or more tokens in the article
 */
public record EntityRange(String type, int start, int end, int tokens, boolean person) {

    public boolean contains(int from, int to) {
        return start <= from && to <= end;
    }

    public boolean overlaps(int from, int to) {
        return start < to && from < end;
    }
}
