package io.newsflow.enrich.extract;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Parses the machine-readable dates pages put in metadata; a date without a zone is taken as UTC. */
final class Dates {

    /** ISO 8601 and its common variants: date alone, 'T' or space, offset with or without colon, or Z. */
    private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT);

    private Dates() {
    }

    static @Nullable Instant parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        int zoneId = s.indexOf('[');
        if (zoneId > 0) {
            // "2019-11-19T10:00:00+01:00[Europe/Paris]": the offset already fixes the instant
            s = s.substring(0, zoneId);
        }
        try {
            if (Character.isDigit(s.charAt(0))) {
                TemporalAccessor t = ISO_LENIENT.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
                if (t instanceof OffsetDateTime o) {
                    return o.toInstant();
                }
                if (t instanceof LocalDateTime l) {
                    return l.toInstant(ZoneOffset.UTC);
                }
                return ((LocalDate) t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            // "Tue, 19 Nov 2019 10:00:00 GMT"
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            // "2019-02-30", "yesterday": not a date, so not a publication time
            return null;
        }
    }
}
