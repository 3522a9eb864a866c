package io.newsflow.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.ArticleId;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {

    private static final String TEXT = "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144";

    @Test
    void aByteOrderMarkWinsOverTheHeader() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = concat(bom, TEXT.getBytes(StandardCharsets.UTF_8));
        CharsetDetector.Decoded decoded = CharsetDetector.decode(body, "iso-8859-2");
        assertEquals(TEXT, decoded.html().text());
        assertEquals(StandardCharsets.UTF_8, decoded.charset());
    }

    @Test
    void theHeaderCharsetIsUsedWhenTheBytesAgree() {
        Charset polish = Charset.forName("iso-8859-2");
        assertEquals(TEXT, CharsetDetector.decode(TEXT.getBytes(polish), "ISO-8859-2").html().text());
    }

    @Test
    void aMetaDeclarationIsReadWhenTheHeaderHasNone() {
        Charset cyrillic = Charset.forName("windows-1251");
        String html = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1251'></head><p>\u041c\u043e\u0441\u043a\u0432\u0430</p>";
        assertEquals(html, CharsetDetector.decode(html.getBytes(cyrillic), null).html().text());
    }

    @Test
    void anUnknownDeclarationFallsBackToUtf8() {
        assertEquals(TEXT, CharsetDetector.decode(TEXT.getBytes(StandardCharsets.UTF_8), "utf-42").html().text());
    }

    @Test
    void aBodyCutInsideACharacterStillCountsAsUtf8() {
        byte[] full = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
        assertEquals(StandardCharsets.UTF_8, CharsetDetector.decode(cut, null).charset());
    }

    @Test
    void theContentHashIsTheHashOfTheTextsUtf8WhicheverWayItWasDecoded() {
        byte[] full = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 1);
        byte[] literalReplacement = (TEXT + "\uFFFD").getBytes(StandardCharsets.UTF_8);
        byte[] bom = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, full);
        byte[] polish = TEXT.getBytes(Charset.forName("iso-8859-2"));
        for (CharsetDetector.Decoded decoded : java.util.List.of(CharsetDetector.decode(full, null),
                CharsetDetector.decode(cut, null), CharsetDetector.decode(literalReplacement, "utf-8"),
                CharsetDetector.decode(bom, null), CharsetDetector.decode(polish, "iso-8859-2"))) {
            assertEquals(ArticleId.sha256Hex(decoded.html().text()), decoded.sha256(), decoded.html().text());
        }
    }

    @Test
    void aLiteralReplacementCharacterIsStillUtf8() {
        String text = TEXT + " \uFFFD";
        CharsetDetector.Decoded decoded = CharsetDetector.decode(text.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(text, decoded.html().text());
        assertEquals(StandardCharsets.UTF_8, decoded.charset());
    }

    @Test
    void bytesThatAreNotUtf8FallBackToWindows1252() {
        byte[] latin = "caf\u00e9 cr\u00e8me".getBytes(Charset.forName("windows-1252"));
        CharsetDetector.Decoded decoded = CharsetDetector.decode(latin, null);
        assertEquals("caf\u00e9 cr\u00e8me", decoded.html().text());
        assertEquals(Charset.forName("windows-1252"), decoded.charset());
    }

    @Test
    void aWindows1252PageIsReadByItsMetaDeclaration() {
        Charset windows1252 = Charset.forName("windows-1252");
        String html = "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>\u201cCaf\u00e9\u201d \u2013 na\u00efve \u20ac5</title></head>";
        CharsetDetector.Decoded decoded = CharsetDetector.decode(html.getBytes(windows1252), null);
        assertEquals(html, decoded.html().text());
        assertEquals(windows1252, decoded.charset());
        assertEquals(ArticleId.sha256Hex(html), decoded.sha256());
    }

    @Test
    void aUtf8ByteOrderMarkWinsOverAMetaDeclaration() {
        String html = "<html><head><meta charset=windows-1251></head><p>" + TEXT + "</p>";
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, html.getBytes(StandardCharsets.UTF_8));
        CharsetDetector.Decoded decoded = CharsetDetector.decode(body, null);
        assertEquals(html, decoded.html().text());
        assertEquals(StandardCharsets.UTF_8, decoded.charset());
    }

    @Test
    void aMetaDeclarationAfterALongHeadIsRead() {
        Charset cyrillic = Charset.forName("windows-1251");
        String html = "<html><head><style>" + "p{margin:0}".repeat(6000) + "</style>"
                + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head>"
                + "<p>\u041c\u043e\u0441\u043a\u0432\u0430</p>";
        byte[] body = html.getBytes(cyrillic);
        assertTrue(body.length > 64 * 1024 && body.length < CharsetDetector.META_SCAN_BYTES, "the meta sits past 64 KB");
        CharsetDetector.Decoded decoded = CharsetDetector.decode(body, null);
        assertEquals(html, decoded.html().text());
        assertEquals(cyrillic, decoded.charset());
    }

    @Test
    void aMetaDeclarationPastTheScannedPrefixIsNotRead() {
        Charset cyrillic = Charset.forName("windows-1251");
        String html = "<html><head><style>" + "p{margin:0}".repeat(CharsetDetector.META_SCAN_BYTES / 10) + "</style>"
                + "<meta charset=windows-1251></head><p>\u041c\u043e\u0441\u043a\u0432\u0430</p>";
        CharsetDetector.Decoded decoded = CharsetDetector.decode(html.getBytes(cyrillic), null);
        // not valid UTF-8, so the last resort decides, as for a page that declares nothing
        assertEquals(Charset.forName("windows-1252"), decoded.charset());
    }

    @Test
    void aWrongUtf8HeaderYieldsToTheMetaDeclaration() {
        Charset windows1252 = Charset.forName("windows-1252");
        String html = "<html><head><meta charset=iso-8859-1></head><p>" + "x".repeat(20_000) + " cr\u00e8me br\u00fbl\u00e9e</p>";
        CharsetDetector.Decoded decoded = CharsetDetector.decode(html.getBytes(windows1252), "utf-8");
        assertEquals(html, decoded.html().text());
        assertEquals(windows1252, decoded.charset());
    }

    @Test
    void aUtf8PageIsHashedAsItsBytes() {
        String html = "<html><head><meta charset=utf-8></head><p>" + TEXT + "</p>";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        CharsetDetector.Decoded decoded = CharsetDetector.decode(body, null);
        assertEquals(html, decoded.html().text());
        assertEquals(StandardCharsets.UTF_8, decoded.charset());
        assertEquals(ArticleId.sha256Hex(body), decoded.sha256());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
