package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An enriched article as published on {@code newsflow.articles} (compacted, keyed by {@link #id()}):
 * the body a reader sees, its metadata and the countries and persons it mentions. Mention offsets
 * index into {@link #text()}.
 *
 * @param id stable hash of the canonical URL, see {@link ArticleId}
 * @param url the canonical URL
 * @param source the name of the source that discovered it
 * @param title the headline
 * @param authors the bylines, possibly empty
 * @param publishedAt the publication time, if the page states one
 * @param modifiedAt the last modification time, if the page states one
 * @param section the section or category, if any
 * @param lead the standfirst or description, if any
 * @param language BCP 47 language tag, if known
 * @param image the main image URL, if any
 * @param text the body: paragraphs joined by blank lines
 * @param wordCount the number of words in {@link #text()}
 * @param contentSha256 hex SHA-256 of {@link #text()}
 * @param version 1 for the first version, incremented each time the text or metadata change
 * @param fetchedAt when the page was fetched, for end-to-end freshness
 * @param countries the countries mentioned
 * @param persons the persons mentioned
 * @param extractorVersion the version of the extractor that produced the body
 * @param taggerVersion the version of the tagger that produced the tags
 * @param storyId the id of the first article seen of this article's near-duplicate cluster (its own id
 *     when it is the first), or null before the story step and in records older than the field
 * @param storyOverlap for a copy, the estimated Jaccard similarity of its word shingles with the
 *     story's first article; null for the first article itself
 */
@JsonPropertyOrder({"schema"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(
        String id,
        String url,
        String source,
        String title,
        List<String> authors,
        @Nullable Instant publishedAt,
        @Nullable Instant modifiedAt,
        @Nullable String section,
        @Nullable String lead,
        @Nullable String language,
        @Nullable String image,
        String text,
        int wordCount,
        String contentSha256,
        int version,
        Instant fetchedAt,
        List<CountryTag> countries,
        List<PersonTag> persons,
        String extractorVersion,
        String taggerVersion,
        @Nullable String storyId,
        @Nullable Double storyOverlap) implements SchemaVersioned {

    public static final String SCHEMA = "article/1";

    public Article {
        requireNonNull(id, "id");
        requireNonNull(url, "url");
        requireNonNull(source, "source");
        requireNonNull(title, "title");
        authors = List.copyOf(requireNonNull(authors, "authors"));
        requireNonNull(text, "text");
        requireNonNull(contentSha256, "contentSha256");
        requireNonNull(fetchedAt, "fetchedAt");
        countries = List.copyOf(requireNonNull(countries, "countries"));
        persons = List.copyOf(requireNonNull(persons, "persons"));
        requireNonNull(extractorVersion, "extractorVersion");
        requireNonNull(taggerVersion, "taggerVersion");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        if (storyOverlap != null && (storyOverlap < 0 || storyOverlap > 1)) {
            throw new IllegalArgumentException("storyOverlap must be within [0, 1], was " + storyOverlap);
        }
    }

    /** An article not yet assigned to a story: the story step sets {@link #storyId()} with {@link #withStory}. */
    public Article(String id, String url, String source, String title, List<String> authors, @Nullable Instant publishedAt,
            @Nullable Instant modifiedAt, @Nullable String section, @Nullable String lead, @Nullable String language,
            @Nullable String image, String text, int wordCount, String contentSha256, int version, Instant fetchedAt,
            List<CountryTag> countries, List<PersonTag> persons, String extractorVersion, String taggerVersion) {
        this(id, url, source, title, authors, publishedAt, modifiedAt, section, lead, language, image, text, wordCount,
                contentSha256, version, fetchedAt, countries, persons, extractorVersion, taggerVersion, null, null);
    }

    @Override
    public String schema() {
        return SCHEMA;
    }

    /** This article as a new version. */
    public Article withVersion(int newVersion) {
        return new Article(id, url, source, title, authors, publishedAt, modifiedAt, section, lead,
                language, image, text, wordCount, contentSha256, newVersion, fetchedAt, countries,
                persons, extractorVersion, taggerVersion, storyId, storyOverlap);
    }

    /** This article as a member of the story whose first article is {@code story}; overlap null for that first article. */
    public Article withStory(String story, @Nullable Double overlap) {
        requireNonNull(story, "story");
        return new Article(id, url, source, title, authors, publishedAt, modifiedAt, section, lead,
                language, image, text, wordCount, contentSha256, version, fetchedAt, countries,
                persons, extractorVersion, taggerVersion, story, overlap);
    }
}
