package io.newsflow.app.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --since}: an ISO-8601 instant ({@code 2026-11-28T17:00:00Z}) or an age ({@code 90s}, {@code 15m}, {@code 2h}, {@code 7d}, {@code PT1H}). */
final class SinceConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        String v = value.strip();
        try {
            if (v.contains("T") && !v.toUpperCase(Locale.ROOT).startsWith("P")) {
                return Instant.parse(v);
            }
            return Instant.now().minus(age(v));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is neither an instant like 2026-11-28T17:00:00Z nor an age like 15m, 2h or 7d");
        }
    }

    private static Duration age(String v) {
        if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
            return Duration.parse(v);
        }
        long amount = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (v.charAt(v.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new NumberFormatException(v);
        };
    }
}
