package io.newsflow.core.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final StringWriter written = new StringWriter();

    private Progress progress(long total, boolean terminal) {
        return new Progress("eval", total, new PrintWriter(written), terminal, clock::get);
    }

    @Test
    void logPrintsALineEveryFewSecondsWithRateAndTimeLeft() {
        try (Progress progress = progress(100, false)) {
            clock.addAndGet(SECOND);
            progress.advance(10);
            assertEquals("", written.toString(), "nothing before the period");
            clock.addAndGet(4 * SECOND);
            progress.advance(40);
            assertEquals("eval: 50/100 (50%), 10.0/s, 5.0 s left\n", written.toString());
            clock.addAndGet(5 * SECOND);
            progress.advance(50);
        }
        assertEquals("""
                eval: 50/100 (50%), 10.0/s, 5.0 s left
                eval: 100/100 (100%), 10.0/s
                eval: 100/100 (100%), 10.0/s, done in 10 s
                """, written.toString());
    }

    @Test
    void terminalRedrawsOneLineInPlace() {
        try (Progress progress = progress(Progress.UNKNOWN, true)) {
            clock.addAndGet(SECOND);
            progress.advance(2000);
            clock.addAndGet(SECOND);
            progress.advance(5);
        }
        assertEquals("\reval: 2000, 2000.0/s\reval: 2005, 1002.5/s\reval: 2005, 1002.5/s, done in 2.0 s\n", written.toString());
    }

    @Test
    void closingTwiceShowsTheFinalLineOnce() {
        Progress progress = progress(0, false);
        progress.close();
        progress.close();
        assertEquals("eval: 0/0, 0.0/s, done in 0.0 s\n", written.toString());
    }

    @Test
    void negativeTotalOtherThanUnknownIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> progress(-5, false));
    }
}
