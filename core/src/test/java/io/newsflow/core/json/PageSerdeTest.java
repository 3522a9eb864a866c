package io.newsflow.core.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.Page;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PageSerdeTest {

    private final PageSerde serde = new PageSerde();

    @Test
    void roundTripsEveryFieldAndTheHtmlByteForByte() {
        Page page = new Page("http://example.org/a?utm_source=x", "http://example.org/a", "http://example.org/b",
                "feed:example", JsonCodecTest.T, 203, null, "windows-1252", null, "Tue, 01 Dec 2026 10:00:00 GMT",
                "00ff", true, "<html><p>Zürich \"quoted\" \\ \u00e9t\u00e9 \ud83d\udcf0 \u0000 \n</p></html>");

        byte[] bytes = serde.serializer().serialize("newsflow.pages", page);

        assertEquals(page, serde.deserializer().deserialize("newsflow.pages", bytes));
        int headLength = ByteBuffer.wrap(bytes).getInt();
        String head = new String(bytes, 4, headLength, StandardCharsets.UTF_8);
        assertTrue(head.startsWith("{\"schema\":\"page/2\",\"url\":"), head);
        assertTrue(!head.contains("html") && !head.contains("contentType") && !head.contains("etag"), head);
        // the HTML is the rest of the value, not escaped
        assertArrayEquals(page.html().getBytes(StandardCharsets.UTF_8),
                Arrays.copyOfRange(bytes, 4 + headLength, bytes.length));
    }

    @Test
    void aPageReadFromARecordIsWrittenBackAsTheSameBytesAndReadsAsText() {
        byte[] bytes = serde.serializer().serialize("newsflow.pages", JsonCodecTest.page());

        Page read = serde.deserializer().deserialize("newsflow.pages", bytes);

        assertArrayEquals(bytes, serde.serializer().serialize("newsflow.pages", read));
        assertEquals(JsonCodecTest.page().html(), read.html());
    }

    @Test
    void readsPagesPublishedAsJsonBeforeTheUpgrade() {
        Page page = JsonCodecTest.page();
        byte[] json = JsonCodec.encode(page);
        assertTrue(new String(json, StandardCharsets.UTF_8).startsWith("{\"schema\":\"page/1\""));
        assertTrue(new String(json, StandardCharsets.UTF_8).contains(",\"html\":\"<"), "the body is the string field html");

        assertEquals(page, serde.deserializer().deserialize("newsflow.pages", json));
    }

    @Test
    void nullStaysNull() {
        assertNull(serde.serializer().serialize("newsflow.pages", null));
        assertNull(serde.deserializer().deserialize("newsflow.pages", null));
    }

    @Test
    void rejectsWhatIsNotAPageWithAReason() {
        byte[] good = serde.serializer().serialize("newsflow.pages", JsonCodecTest.page());
        int headLength = ByteBuffer.wrap(good).getInt();

        assertRejected(new byte[] {0, 0}, "shorter than the page/2 length prefix");
        assertRejected(new byte[0], "shorter than the page/2 length prefix");
        byte[] tooLong = good.clone();
        ByteBuffer.wrap(tooLong).putInt(good.length);
        assertRejected(tooLong, "metadata length " + good.length + " outside the record's");
        byte[] negative = good.clone();
        ByteBuffer.wrap(negative).putInt(-1);
        assertRejected(negative, "metadata length -1");
        assertRejected(Arrays.copyOf(good, 4 + headLength - 1), "outside the record's");
        assertRejected(envelope("{\"schema\":\"link/1\",\"url\":\"http://example.org/a\"}"),
                "expected schema page/2, got link/1");
        assertRejected(envelope("{\"schema\":\"page/2\",\"url\":\"http://example.org/a\"}"), "canonicalUrl");
        assertRejected("{\"schema\":\"page/1\",\"url\":".getBytes(StandardCharsets.UTF_8), "cannot decode Page");
        assertRejected("{\"schema\":\"page/2\"}".getBytes(StandardCharsets.UTF_8), "expected schema page/1, got page/2");
    }

    private static byte[] envelope(String head) {
        byte[] json = head.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + json.length + 4).putInt(json.length).put(json).put("<p/>".getBytes(StandardCharsets.UTF_8))
                .array();
    }

    private void assertRejected(byte[] bytes, String reason) {
        JsonCodecException e = assertThrows(JsonCodecException.class,
                () -> serde.deserializer().deserialize("newsflow.pages", bytes));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
