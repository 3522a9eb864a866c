package io.newsflow.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.EntityMention;
import io.newsflow.core.record.Link;
import io.newsflow.core.record.UrlStatus;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import io.newsflow.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    static final Instant T = Instant.parse("2024-03-12T07:30:00Z");

    static Page page() {
        return new Page("http://example.org/a?utm_source=x", "http://example.org/a", "http://example.org/a", "feed:example",
                T, 200, "text/html", "UTF-8", "\"abc\"", null, "00ff", false, "<html><p>Hi \"there\"</p></html>");
    }

    static Article article() {
        return new Article("0123456789abcdef0123456789abcdef", "http://example.org/a", "feed:example", "Title",
                List.of("Max Baucus", "Ryan Hass"), T, null, "Commentary", "Lead", "en", null, "Body text.\n\nSecond.", 3,
                "beef", 2, T, List.of(new CountryTag("KP", "North Korea", 1, List.of(new Span(0, 11, "North Korea", "name")))),
                List.of(new PersonTag("Rex Tillerson", 1, List.of(new Span(12, 25, "Rex Tillerson", null)))), "1.0", "1.0");
    }

    @Test
    void roundTripsEveryRecordType() {
        for (Object value : List.of(page(), article(), article().withStory("fedcba9876543210fedcba9876543210", 0.62),
                new Link("http://example.org/a", "feed:example", T, null),
                new EntityMention("id", EntityMention.COUNTRY, "country:KP", "North Korea", 2, T, "http://example.org/a", "Title", 1),
                new UrlStatus("http://example.org/a", T, 200, "ok", "beef", "\"v1\"", null))) {
            byte[] json = JsonCodec.encode(value);
            assertEquals(value, JsonCodec.decode(json, value.getClass()));
        }
    }

    @Test
    void readsArticleWrittenBeforeStoriesWithoutStory() {
        Article copy = article().withStory("fedcba9876543210fedcba9876543210", 0.62);
        String json = new String(JsonCodec.encode(copy), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"storyId\":\"fedcba9876543210fedcba9876543210\",\"storyOverlap\":0.62"), json);
        String old = new String(JsonCodec.encode(article()), StandardCharsets.UTF_8);
        assertFalse(old.contains("story"), "absent story fields are omitted: " + old);
        Article read = JsonCodec.decode(old.getBytes(StandardCharsets.UTF_8), Article.class);
        assertNull(read.storyId());
        assertNull(read.storyOverlap());
        assertEquals(article(), read);
    }

    @Test
    void readsPersonWrittenBeforeIdentitiesWithTheSlugOfItsName() {
        String json = new String(JsonCodec.encode(article()), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"entityId\":\"person:rex-tillerson\""), json);
        String old = json.replace(",\"entityId\":\"person:rex-tillerson\"", "");
        assertFalse(old.contains("entityId"), old);
        Article read = JsonCodec.decode(old.getBytes(StandardCharsets.UTF_8), Article.class);
        assertEquals("person:rex-tillerson", read.persons().get(0).entityId());
        PersonTag linked = read.persons().get(0).withEntityId("person:rex-w-tillerson");
        assertEquals(linked, JsonCodec.decode(JsonCodec.encode(linked), PersonTag.class));
    }

    @Test
    void writesSchemaNameFirst() {
        String json = new String(JsonCodec.encode(page()), StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"schema\":\"page/1\""), json);
        assertTrue(new String(JsonCodec.encode(article()), StandardCharsets.UTF_8).contains("\"publishedAt\":\"2024-03-12T07:30:00Z\""));
    }

    @Test
    void toleratesUnknownFields() {
        String json = new String(JsonCodec.encode(page()), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"addedLater\":{\"nested\":[1,2]},\"flag\":true,");
        assertEquals(page(), JsonCodec.decode(json.getBytes(StandardCharsets.UTF_8), Page.class));
    }

    @Test
    void acceptsNewerMinorOfTheSameSchema() {
        String json = new String(JsonCodec.encode(page()), StandardCharsets.UTF_8).replace("\"page/1\"", "\"page/1.3\"");
        assertEquals(page(), JsonCodec.decode(json.getBytes(StandardCharsets.UTF_8), Page.class));
    }

    @Test
    void missingRequiredFieldIsAClearError() {
        String json = new String(JsonCodec.encode(page()), StandardCharsets.UTF_8).replace("\"url\":", "\"renamed\":");
        JsonCodecException e = assertThrows(JsonCodecException.class,
                () -> JsonCodec.decode(json.getBytes(StandardCharsets.UTF_8), Page.class));
        assertTrue(e.getMessage().contains("url"), e.getMessage());
    }

    @Test
    void otherSchemaIsRejected() {
        byte[] link = JsonCodec.encode(new Link("http://example.org/a", "s", T, null));
        JsonCodecException e = assertThrows(JsonCodecException.class, () -> JsonCodec.decode(link, Page.class));
        assertTrue(e.getMessage().contains("expected schema page/1, got link/1"), e.getMessage());
        String nextMajor = new String(JsonCodec.encode(page()), StandardCharsets.UTF_8).replace("\"page/1\"", "\"page/2\"");
        assertThrows(JsonCodecException.class, () -> JsonCodec.decode(nextMajor.getBytes(StandardCharsets.UTF_8), Page.class));
    }

    @Test
    void bytesThatAreNotJsonAreASerializationError() {
        assertThrows(org.apache.kafka.common.errors.SerializationException.class,
                () -> Topics.PAGES.valueSerde().deserializer().deserialize("t", new byte[] {(byte) 0xff, 0x00, 0x12}));
        assertThrows(JsonCodecException.class, () -> JsonCodec.decode("[1,2]".getBytes(StandardCharsets.UTF_8), Page.class));
    }

    @Test
    void invalidValuesAreRejectedByTheRecord() {
        String json = new String(JsonCodec.encode(article()), StandardCharsets.UTF_8).replace("\"version\":2", "\"version\":0");
        JsonCodecException e = assertThrows(JsonCodecException.class,
                () -> JsonCodec.decode(json.getBytes(StandardCharsets.UTF_8), Article.class));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }
}
