package io.newsflow.sink.query;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Where a page of articles ended: the last article's date and id, in the listing's order (date
 * descending, then id descending). The next page continues strictly after it, so pages neither
 * skip nor repeat articles while new ones arrive. Opaque to clients: base64url text.
 */
public record Cursor(Instant datedAt, String id) {

    public Cursor {
        requireNonNull(datedAt, "datedAt");
        requireNonNull(id, "id");
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((datedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this API handed out */
    public static Cursor decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar > 0 && bar < plain.length() - 1) {
                return new Cursor(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // reported below: the client only needs to know the cursor is not one of ours
        }
        throw new IllegalArgumentException("cursor is not one this API returned: '" + text + "'");
    }
}
