package io.newsflow.ingest.fetch;

import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Html;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decodes an HTML body: a byte-order mark wins, then the Content-Type charset, then a
 * {@code <meta>} declaration, then UTF-8, then windows-1252. A declaration that is unknown, or
 * that the bytes contradict (invalid as UTF-8, say), is passed over for the next clue, so a page
 * with a wrong header still decodes correctly.
 *
 * <p>The clues come from the first bytes only (the mark, then a {@code <meta charset>} or
 * {@code http-equiv} declaration within {@link #META_SCAN_BYTES}), as jsoup's {@code DataUtil}
 * does. A body in UTF-8, most of them, is checked without decoding it ({@link Utf8Validator}) and
 * kept as its bytes, which is what the page record carries. A body in another charset is decoded
 * once, and that decode is also the check: a lenient decoder writes U+FFFD for every byte
 * sequence the charset cannot read, so a text without one is proof enough; only a text with one
 * (a literal U+FFFD or a wrong declaration) pays for a strict pass.
 */
public final class CharsetDetector {

    /**
     * A body's HTML, the charset it was read with, and the hex SHA-256 of its UTF-8 bytes (the
     * page's {@code contentSha256}).
     */
    public record Decoded(Html html, Charset charset, String sha256) {

        /** The text encoded once: the record carries these bytes, and the hash is theirs. */
        static Decoded of(String text, Charset charset) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            return new Decoded(Html.ofUtf8(utf8, 0, utf8.length), charset, ArticleId.sha256Hex(utf8));
        }
    }

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    /**
     * How far into the body a {@code <meta>} declaration is looked for. Browsers look at the first
     * 1,024 bytes and jsoup at 5,120, but pages with long inline styles and scripts in their head
     * declare it later: among the AEB pages 90% do within 1.5 KB and one at 69 KB.
     */
    static final int META_SCAN_BYTES = 128 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CharsetDetector() {
    }

    public static Decoded decode(byte[] body, @Nullable String headerCharset) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return Decoded.of(new String(body, 3, body.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return Decoded.of(new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return Decoded.of(new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        Charset header = charset(headerCharset);
        Decoded decoded = header == null ? null : decodeAs(body, header);
        if (decoded != null) {
            return decoded;
        }
        // the <meta> scan only runs when the header gave no usable charset
        Charset meta = charset(metaCharset(body));
        if (meta != null && !meta.equals(header)) {
            decoded = decodeAs(body, meta);
            if (decoded != null) {
                return decoded;
            }
        }
        if (!StandardCharsets.UTF_8.equals(header) && !StandardCharsets.UTF_8.equals(meta)) {
            decoded = decodeAs(body, StandardCharsets.UTF_8);
            if (decoded != null) {
                return decoded;
            }
        }
        return Decoded.of(new String(body, WINDOWS_1252), WINDOWS_1252);
    }

    /**
     * The body read in the charset, or null when the bytes are not valid in it. An incomplete
     * sequence at the end (a cut body) is allowed and reads as U+FFFD.
     */
    private static @Nullable Decoded decodeAs(byte[] body, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            if (Utf8Validator.firstInvalid(body) == Utf8Validator.VALID) {
                return new Decoded(Html.ofUtf8(body, 0, body.length), charset, ArticleId.sha256Hex(body));
            }
            return decodesCleanly(body, charset) ? Decoded.of(new String(body, charset), charset) : null;
        }
        String text = new String(body, charset);
        if (text.indexOf('\uFFFD') < 0) {
            return Decoded.of(text, charset);
        }
        return decodesCleanly(body, charset) ? Decoded.of(text, charset) : null;
    }

    private static @Nullable String metaCharset(byte[] body) {
        Matcher m = META_CHARSET.matcher(new Latin1Prefix(body, Math.min(body.length, META_SCAN_BYTES)));
        return m.find() ? m.group(1) : null;
    }

    /**
     * The first bytes of a body seen as ISO-8859-1 characters without copying them: declarations
     * are ASCII in every charset a page can declare this way, and the scan must not decode.
     */
    private record Latin1Prefix(byte[] bytes, int length) implements CharSequence {

        @Override
        public char charAt(int index) {
            return (char) (bytes[index] & 0xff);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
    }

    private static @Nullable Charset charset(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            Charset c = Charset.forName(name.trim());
            // pages declaring ISO-8859-1 are written in windows-1252, as browsers assume
            return c.equals(StandardCharsets.ISO_8859_1) || c.equals(StandardCharsets.US_ASCII) ? WINDOWS_1252 : c;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Whether the bytes are valid in the charset; an incomplete sequence at the end (a cut body) is allowed. */
    private static boolean decodesCleanly(byte[] body, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(8192);
        ByteBuffer in = ByteBuffer.wrap(body);
        while (true) {
            var result = decoder.decode(in, out, false);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return true;
            }
            out.clear();
        }
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
