package io.newsflow.sink.query;

import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An article as stored: everything the sink keeps, mention offsets included (they index into text).
 * {@code storyId} and {@code storyOverlap} are null in rows stored before stories.
 */
public record StoredArticle(String id, String url, String source, String title, List<String> authors,
        @Nullable Instant publishedAt, @Nullable Instant modifiedAt, @Nullable String section,
        @Nullable String lead, @Nullable String language, @Nullable String image, String text, int wordCount,
        String contentSha256, int version, Instant fetchedAt, Instant storedAt, Instant datedAt,
        List<CountryTag> countries, List<PersonTag> persons, String extractorVersion, String taggerVersion,
        @Nullable String storyId, @Nullable Double storyOverlap) {

    public StoredArticle {
        authors = List.copyOf(authors);
        countries = List.copyOf(countries);
        persons = List.copyOf(persons);
    }
}
