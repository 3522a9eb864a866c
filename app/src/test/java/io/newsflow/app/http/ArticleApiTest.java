package io.newsflow.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleApiTest {

    @Test
    void decodesPercentEncodingAndPlusSigns() {
        assertEquals(Map.of("person", "Rex Tillerson", "q", "climate talks", "since", "2024-05-01T09:30:00+02:00"),
                ArticleApi.parameters("person=Rex%20Tillerson&q=climate+talks&since=2024-05-01T09:30:00%2B02:00"));
    }

    @Test
    void readsAnEmptyOrMissingQueryAsNoParameters() {
        assertEquals(Map.of(), ArticleApi.parameters(null));
        assertEquals(Map.of(), ArticleApi.parameters(""));
        assertEquals(Map.of("q", ""), ArticleApi.parameters("q&"));
    }

    @Test
    void rejectsAParameterGivenTwiceAndBrokenEncoding() {
        assertEquals("parameter limit given more than once",
                assertThrows(IllegalArgumentException.class, () -> ArticleApi.parameters("limit=1&limit=2")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArticleApi.parameters("q=%zz"));
    }
}
