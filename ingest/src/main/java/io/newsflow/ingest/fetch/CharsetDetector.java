package io.newsflow.ingest.fetch;

import io.newsflow.core.record.ArticleId;
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
 */
public final class CharsetDetector {

    /**
     * A decoded body, the charset it was decoded with, and the hex SHA-256 of the text's UTF-8
     * bytes (the page's {@code contentSha256}).
     */
    public record Decoded(String text, Charset charset, String sha256) {

        static Decoded of(String text, Charset charset) {
            return new Decoded(text, charset, ArticleId.sha256Hex(text));
        }
    }

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final int META_SCAN_BYTES = 4096;
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
        for (Charset candidate : new Charset[] {charset(headerCharset), charset(metaCharset(body)), StandardCharsets.UTF_8}) {
            if (candidate == null) {
                continue;
            }
            Decoded decoded = candidate.equals(StandardCharsets.UTF_8) ? utf8(body) : null;
            if (decoded != null) {
                return decoded;
            }
            if (decodesCleanly(body, candidate)) {
                return Decoded.of(new String(body, candidate), candidate);
            }
        }
        return Decoded.of(new String(body, WINDOWS_1252), WINDOWS_1252);
    }

    /**
     * Most pages are UTF-8, so they take one fast decode instead of a strict pass and a second
     * decode. The lenient decoder writes U+FFFD for every malformed sequence, so a text without one
     * decoded losslessly and the body itself is its UTF-8, ready to hash. A text with one (a literal
     * U+FFFD, a body cut mid-character, or not UTF-8 at all) is left to the strict check.
     */
    private static @Nullable Decoded utf8(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.indexOf('\uFFFD') < 0 ? new Decoded(text, StandardCharsets.UTF_8, ArticleId.sha256Hex(body)) : null;
    }

    private static @Nullable String metaCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
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
