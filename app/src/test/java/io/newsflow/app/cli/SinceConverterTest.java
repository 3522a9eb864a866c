package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class SinceConverterTest {

    private final SinceConverter converter = new SinceConverter();

    @Test
    void readsAnInstant() {
        assertEquals(Instant.parse("2026-11-28T17:00:00Z"), converter.convert("2026-11-28T17:00:00Z"));
    }

    @Test
    void readsAnAgeAsThatLongAgo() {
        for (String age : new String[] {"2h", "120m", "PT2H"}) {
            Duration ago = Duration.between(converter.convert(age), Instant.now());
            assertTrue(ago.compareTo(Duration.ofMinutes(119)) > 0 && ago.compareTo(Duration.ofMinutes(121)) < 0, age + ": " + ago);
        }
        assertTrue(converter.convert("7d").isBefore(Instant.now().minus(Duration.ofDays(6))));
    }

    @Test
    void rejectsAnythingElse() {
        assertThrows(TypeConversionException.class, () -> converter.convert("yesterday"));
        assertThrows(TypeConversionException.class, () -> converter.convert("5w"));
    }
}
