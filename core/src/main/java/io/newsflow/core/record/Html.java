package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A page's HTML, held in the form it arrived in: UTF-8 bytes (a fetched UTF-8 body, a record read
 * from {@code newsflow.pages}) or text (a body decoded from another charset). Each form is made
 * from the other on first use and kept. Most pages are UTF-8 and are published as the bytes they
 * were fetched as: decoding them to text in ingest and encoding that text back for the record had
 * been 6% of a replay's CPU. Equal when the texts are; thread-safe.
 */
public final class Html {

    private volatile @Nullable Utf8 utf8;
    private volatile @Nullable String text;

    private Html(@Nullable Utf8 utf8, @Nullable String text) {
        this.utf8 = utf8;
        this.text = text;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Html of(String text) {
        return new Html(null, requireNonNull(text, "text"));
    }

    /**
     * The HTML of {@code length} UTF-8 bytes from {@code offset}, not copied: the caller must not
     * change them afterwards. Invalid sequences read as U+FFFD, as {@link String#String(byte[],
     * java.nio.charset.Charset)} reads them.
     */
    public static Html ofUtf8(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return new Html(new Utf8(bytes, offset, length), null);
    }

    @JsonValue
    public String text() {
        String t = text;
        if (t == null) {
            Utf8 b = requireNonNull(utf8);
            t = new String(b.bytes, b.offset, b.length, StandardCharsets.UTF_8);
            text = t;
        }
        return t;
    }

    /** The UTF-8 bytes, as a read-only buffer of its own from position 0. */
    public ByteBuffer utf8() {
        Utf8 b = utf8;
        if (b == null) {
            byte[] bytes = requireNonNull(text).getBytes(StandardCharsets.UTF_8);
            b = new Utf8(bytes, 0, bytes.length);
            utf8 = b;
        }
        return ByteBuffer.wrap(b.bytes, b.offset, b.length).slice().asReadOnlyBuffer();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o == this || o instanceof Html other && text().equals(other.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return text();
    }

    /** A slice of a byte array; final fields, so a thread that sees the slice sees the bytes. */
    private static final class Utf8 {

        final byte[] bytes;
        final int offset;
        final int length;

        Utf8(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
        }
    }
}
