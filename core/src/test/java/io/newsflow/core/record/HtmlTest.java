package io.newsflow.core.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlTest {

    private static final String TEXT = "<p>Zürich – \ud83d\udcf0</p>";

    @Test
    void bytesReadAsTheirTextAndTextAsItsBytes() {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[utf8.length + 4];
        System.arraycopy(utf8, 0, framed, 2, utf8.length);

        Html fromBytes = Html.ofUtf8(framed, 2, utf8.length);
        Html fromText = Html.of(TEXT);

        assertEquals(TEXT, fromBytes.text());
        assertArrayEquals(utf8, bytes(fromBytes.utf8()));
        assertArrayEquals(utf8, bytes(fromText.utf8()));
        assertEquals(fromText, fromBytes);
        assertEquals(fromText.hashCode(), fromBytes.hashCode());
    }

    @Test
    void theBytesCannotBeChangedThroughTheBufferAndEachCallGetsItsOwnPosition() {
        Html html = Html.of(TEXT);
        ByteBuffer first = html.utf8();
        first.get();

        assertTrue(first.isReadOnly());
        assertEquals(0, html.utf8().position());
    }

    @Test
    void invalidBytesReadAsReplacementCharacters() {
        assertEquals("a\uFFFDb", Html.ofUtf8(new byte[] {'a', (byte) 0xff, 'b'}, 0, 3).text());
    }

    @Test
    void aSliceOutsideTheArrayIsRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> Html.ofUtf8(new byte[4], 2, 3));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
