package io.newsflow.core.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Where an entity is mentioned: character offsets into the article text, end exclusive.
 *
 * @param start offset of the first character
 * @param end offset after the last character
 * @param surface the text as written, {@code text.substring(start, end)}
 * @param kind for countries how it was referred to: {@code name}, {@code demonym}, {@code capital}
 *     or {@code seat}; null for persons
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Span(int start, int end, String surface, @Nullable String kind) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        java.util.Objects.requireNonNull(surface, "surface");
    }
}
