package io.newsflow.sink.query;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An article in a listing: its metadata without the text, and which countries (codes) and persons
 * (canonical names) it mentions, most mentioned first.
 *
 * @param datedAt the time it is listed under: published, else fetched
 */
public record ArticleSummary(String id, String url, String title, String source, @Nullable String section,
        @Nullable String lead, @Nullable String language, @Nullable Instant publishedAt, Instant datedAt,
        int version, int wordCount, List<String> countries, List<String> persons) {

    public ArticleSummary {
        countries = List.copyOf(countries);
        persons = List.copyOf(persons);
    }
}
