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
        Instant plain = plainIso(s);
        if (plain != null) {
            return plain;
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
            // "2019-13-01", "yesterday": not a date, so not a publication time
            return null;
        }
    }

    /**
     * The shape nearly every page uses, {@code 2019-11-19T10:00:00[.fraction](Z|+01:00|+0100)} or a
     * date alone, read digit by digit: the formatter's general parse was 4-5% of the whole extractor's
     * time. Anything else, or a value out of range, is left to the formatter (null).
     */
    private static @Nullable Instant plainIso(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if ((year | month | day) < 0) {
            return null;
        }
        try {
            if (n == 10) {
                return LocalDate.of(year, month, day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            char t = s.charAt(10);
            if (n < 19 || t != 'T' && t != 't' && t != ' ' || s.charAt(13) != ':' || s.charAt(16) != ':') {
                return null;
            }
            int hour = digits(s, 11, 2);
            int minute = digits(s, 14, 2);
            int second = digits(s, 17, 2);
            if ((hour | minute | second) < 0) {
                return null;
            }
            int i = 19;
            int nanos = 0;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                    nanos = nanos * 10 + (s.charAt(i++) - '0');
                }
                if (i == start || i < n && isDigit(s.charAt(i))) {
                    return null;
                }
                for (int k = i - start; k < 9; k++) {
                    nanos *= 10;
                }
            }
            ZoneOffset offset = offset(s, i);
            return offset == null ? null : LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
        } catch (DateTimeException e) {
            // 24:00, 30 February: the formatter decides what those mean
            return null;
        }
    }

    /** Z, +HH:MM or +HHMM from {@code i} to the end; nothing is UTC; anything else null. */
    private static @Nullable ZoneOffset offset(String s, int i) {
        int n = s.length();
        if (i == n) {
            return ZoneOffset.UTC;
        }
        char c = s.charAt(i);
        if ((c == 'Z' || c == 'z') && i + 1 == n) {
            return ZoneOffset.UTC;
        }
        if (c != '+' && c != '-') {
            return null;
        }
        int hours = digits(s, i + 1, 2);
        int minutes;
        if (n == i + 6 && s.charAt(i + 3) == ':') {
            minutes = digits(s, i + 4, 2);
        } else if (n == i + 5) {
            minutes = digits(s, i + 3, 2);
        } else {
            return null;
        }
        if ((hours | minutes) < 0) {
            return null;
        }
        return c == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    }

    /** The number in {@code count} ASCII digits from {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
