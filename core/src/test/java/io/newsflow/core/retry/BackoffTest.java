package io.newsflow.core.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapWithAtMostAFifthTakenOffForJitter() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        long[] ceilings = {100, 200, 400, 800, 1000, 1000, 1000};
        for (int failures = 1; failures <= ceilings.length; failures++) {
            long ceiling = ceilings[failures - 1];
            long wait = backoff.after(failures).toMillis();
            assertTrue(wait <= ceiling && wait >= ceiling * 4 / 5, wait + " for ceiling " + ceiling);
        }
    }

    @Test
    void spreadsTheWaitsOfClientsThatFailedTogether() {
        Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(10));
        Set<Duration> waits = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            waits.add(backoff.after(3));
        }
        assertTrue(waits.size() > 1, "20 draws all gave " + waits);
    }

    @Test
    void neverOverflowsAfterManyFailures() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));
        long wait = backoff.after(Integer.MAX_VALUE).toMillis();
        assertTrue(wait <= 600_000 && wait >= 480_000, String.valueOf(wait));
    }

    @Test
    void aCapBelowTheFirstWaitIsTheFirstWait() {
        assertEquals(Duration.ofSeconds(60), new Backoff(Duration.ofSeconds(60), Duration.ofSeconds(1)).max());
    }

    @Test
    void noFirstWaitMeansNoWait() {
        assertEquals(Duration.ZERO, new Backoff(Duration.ZERO, Duration.ofSeconds(1)).after(5));
    }

    @Test
    void countsFailuresFromOne() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2)).after(0));
    }
}
