package io.newsflow.sink.query;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.PersonQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which articles to list, newest first: every given condition must hold.
 *
 * @param country ISO 3166-1 alpha-2 code of a country the article mentions, upper case
 * @param person a person the article mentions: an entity id ({@code person:donald-trump}), any form of a full
 *     name ("President Donald J. Trump"), or a bare name ("Trump"), which {@link ArticleQueries} resolves
 *     to the one full-name entity stored with that surname or refuses when there are several
 * @param words words that must all occur in the title or text (stemmed, case-insensitive)
 * @param since only articles dated at or after this (published, else fetched)
 * @param limit most articles in one page, 1 to {@value #MAX_LIMIT}
 * @param after continue after this article, from a previous page's {@code next}
 * @param onePerStory list one article per story ({@code distinct=story}): the earliest of the story's
 *     matching articles, usually the original a syndicated copy was made from
 */
public record ArticleFilter(@Nullable String country, @Nullable PersonQuery person, List<String> words,
        @Nullable Instant since, int limit, @Nullable Cursor after, boolean onePerStory) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** The query parameters {@link #parse} understands. */
    public static final Set<String> PARAMETERS = Set.of("country", "person", "q", "since", "limit", "cursor", "distinct");

    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_QUERY_CHARS = 500;
    private static final int MAX_WORDS = 20;

    public ArticleFilter {
        words = List.copyOf(requireNonNull(words, "words"));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /**
     * Reads a filter from query parameters, each given once.
     *
     * @throws IllegalArgumentException with a message for the caller when a parameter is unknown or malformed
     */
    public static ArticleFilter parse(Map<String, String> params) {
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(PARAMETERS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown parameter " + String.join(", ", unknown)
                    + "; known: " + String.join(", ", new TreeSet<>(PARAMETERS)));
        }
        return new ArticleFilter(country(params.get("country")), person(params.get("person")),
                words(params.get("q")), since(params.get("since")), limit(params.get("limit")),
                params.get("cursor") == null ? null : Cursor.decode(params.get("cursor")), distinct(params.get("distinct")));
    }

    private static boolean distinct(@Nullable String value) {
        if (value == null) {
            return false;
        }
        if (!value.equals("story")) {
            throw new IllegalArgumentException("distinct must be 'story' (one article per story), got '" + value + "'");
        }
        return true;
    }

    private static @Nullable String country(@Nullable String value) {
        if (value == null) {
            return null;
        }
        if (!COUNTRY.matcher(value).matches()) {
            throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code such as KP, got '" + value + "'");
        }
        return value.toUpperCase(Locale.ROOT);
    }

    private static @Nullable PersonQuery person(@Nullable String value) {
        return value == null ? null : PersonQuery.parse(value);
    }

    private static List<String> words(@Nullable String value) {
        if (value == null) {
            return List.of();
        }
        if (value.length() > MAX_QUERY_CHARS) {
            throw new IllegalArgumentException("q must be at most " + MAX_QUERY_CHARS + " characters");
        }
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(value);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("q must contain at least one word of letters or digits");
        }
        if (words.size() > MAX_WORDS) {
            throw new IllegalArgumentException("q must have at most " + MAX_WORDS + " words");
        }
        return words;
    }

    private static @Nullable Instant since(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("since must be an ISO-8601 date or time such as 2024-05-01 or "
                    + "2024-05-01T09:30:00Z, got '" + value + "'");
        }
    }

    private static int limit(@Nullable String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as an out-of-range number
        }
        throw new IllegalArgumentException("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + value + "'");
    }
}
