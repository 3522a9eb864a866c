package io.newsflow.core.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Stable identifiers derived from content, shared by every stage so they always agree. */
public final class ArticleId {

    private ArticleId() {
    }

    /** The article id of a canonical URL: the first 16 bytes of its SHA-256, in hex. */
    public static String of(String canonicalUrl) {
        return sha256Hex(canonicalUrl).substring(0, 32);
    }

    /** Hex SHA-256 of the UTF-8 bytes of a text. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hex SHA-256 of bytes; for bytes known to be a text's UTF-8, the same as hashing the text. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The entity id of a country: {@code country:} and its ISO 3166-1 alpha-2 code. */
    public static String countryEntity(String isoCode) {
        return "country:" + isoCode.toUpperCase(Locale.ROOT);
    }
}
