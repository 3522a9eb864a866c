package io.newsflow.sink.query;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An article in a listing: its metadata without the text, and which countries (codes) and persons
 * (canonical names) it mentions, most mentioned first.
 *
 * @param datedAt the time it is listed under: published, else fetched
 * @param storyId the first article of its story (syndicated copies share it); null if stored before stories
 * @param storyArticles with {@code distinct=story}: how many of the story's articles match the filter; else null
 * @param personIds each person's identity across articles ({@code person:rex-tillerson}), in the order of {@code persons}
 */
public record ArticleSummary(String id, String url, String title, String source, @Nullable String section,
        @Nullable String lead, @Nullable String language, @Nullable Instant publishedAt, Instant datedAt,
        int version, int wordCount, List<String> countries, List<String> persons, @Nullable String storyId,
        @Nullable Integer storyArticles, List<String> personIds) {

    public ArticleSummary {
        countries = List.copyOf(countries);
        persons = List.copyOf(persons);
        personIds = List.copyOf(personIds);
    }
}
