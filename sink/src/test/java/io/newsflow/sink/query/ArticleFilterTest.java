package io.newsflow.sink.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.PersonQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleFilterTest {

    @Test
    void readsEveryParameter() {
        Cursor cursor = new Cursor(Instant.parse("2024-05-01T00:00:00Z"), "abc");
        ArticleFilter f = ArticleFilter.parse(Map.of("country", "kp", "person", " Rex Tillerson ",
                "q", "Climate, talks!", "since", "2024-05-01", "limit", "10", "cursor", cursor.encode(), "distinct", "story"));
        assertEquals("KP", f.country());
        assertEquals(new PersonQuery("person:rex-tillerson", null), f.person());
        assertEquals(List.of("climate", "talks"), f.words());
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), f.since());
        assertEquals(10, f.limit());
        assertEquals(cursor, f.after());
        assertTrue(f.onePerStory());
    }

    @Test
    void defaultsToTheFirstPageOfFiftyOfEverything() {
        ArticleFilter f = ArticleFilter.parse(Map.of());
        assertNull(f.country());
        assertEquals(List.of(), f.words());
        assertEquals(50, f.limit());
        assertNull(f.after());
        assertFalse(f.onePerStory());
    }

    @Test
    void acceptsSinceAsATimeWithAnOffset() {
        assertEquals(Instant.parse("2024-05-01T07:30:00Z"),
                ArticleFilter.parse(Map.of("since", "2024-05-01T09:30:00+02:00")).since());
    }

    @Test
    void rejectsMalformedParametersWithMessagesNamingThem() {
        assertMessage(Map.of("country", "Korea"), "country must be an ISO 3166-1 alpha-2 code");
        assertMessage(Map.of("since", "yesterday"), "since must be an ISO-8601 date or time");
        assertMessage(Map.of("limit", "0"), "limit must be a whole number from 1 to 200");
        assertMessage(Map.of("limit", "ten"), "limit must be a whole number from 1 to 200");
        assertMessage(Map.of("q", "?!"), "q must contain at least one word");
        assertMessage(Map.of("person", "  "), "person must be a name");
        assertMessage(Map.of("person", "person:rex tillerson"), "person entity id must be person: and a slug");
        assertMessage(Map.of("cursor", "not-a-cursor"), "cursor is not one this API returned");
        assertMessage(Map.of("contry", "KP"), "unknown parameter contry");
        assertMessage(Map.of("distinct", "url"), "distinct must be 'story' (one article per story), got 'url'");
    }

    private static void assertMessage(Map<String, String> params, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArticleFilter.parse(params));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}
