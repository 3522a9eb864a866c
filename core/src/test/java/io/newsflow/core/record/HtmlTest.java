package io.newsflow.core.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
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
    void theReaderGivesTheTextInEitherForm() throws IOException {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);

        assertEquals(TEXT, read(Html.ofUtf8(utf8, 0, utf8.length).reader()));
        assertEquals(TEXT, read(Html.of(TEXT).reader()));
    }

    @Test
    void theReaderReplacesInvalidBytesAsTheTextDoes() throws IOException {
        // mangled UTF-8 of mixed scripts, cut at random points: the decoder behind the reader and
        // the one behind String must agree on every replacement
        byte[] valid = "Ma\u00efa \u4e16\u754c \ud83d\udcf0 \u0416 plain ascii".repeat(40).getBytes(StandardCharsets.UTF_8);
        Random random = new Random(17);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = valid.clone();
            for (int flips = random.nextInt(4); flips >= 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            int from = random.nextInt(8);
            int length = random.nextInt(bytes.length - from);
            String expected = new String(bytes, from, length, StandardCharsets.UTF_8);
            assertEquals(expected, read(Html.ofUtf8(bytes, from, length).reader()), "input " + i);
        }
    }

    @Test
    void aSliceOutsideTheArrayIsRefused() {
        assertThrows(IndexOutOfBoundsException.class, () -> Html.ofUtf8(new byte[4], 2, 3));
    }

    private static String read(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buffer = new char[64];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            out.append(buffer, 0, n);
        }
        return out.toString();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }
}
