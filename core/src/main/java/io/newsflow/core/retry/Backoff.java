package io.newsflow.core.retry;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential back-off with jitter: the first wait, doubled after each consecutive failure
 * up to the cap, each drawn from 80-100% of that, so clients that lost the same server (a host, a
 * feed, the database) do not retry in step.
 *
 * @param first the wait after the first failure
 * @param max the longest wait; never shorter than {@code first}
 */
public record Backoff(Duration first, Duration max) {

    /** At most this share of a wait is taken off at random. */
    static final int JITTER_DIVISOR = 5;

    public Backoff {
        requireNonNull(first, "first");
        requireNonNull(max, "max");
        if (first.isNegative()) {
            throw new IllegalArgumentException("first back-off must not be negative: " + first);
        }
        max = max.compareTo(first) < 0 ? first : max;
    }

    /** The wait after {@code failures} consecutive failures (1 for the first). */
    public Duration after(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be positive: " + failures);
        }
        long ceiling = ceilingMillis(failures);
        long wait = ceiling - ThreadLocalRandom.current().nextLong(ceiling / JITTER_DIVISOR + 1);
        return Duration.ofMillis(ceiling == 0 ? 0 : Math.max(1, wait));
    }

    private long ceilingMillis(int failures) {
        long firstMillis = first.toMillis();
        long maxMillis = max.toMillis();
        // past 2^40 every sane cap is reached; shifting further would overflow
        int doublings = Math.min(failures - 1, 40);
        if (firstMillis > 0 && firstMillis > maxMillis >> doublings) {
            return maxMillis;
        }
        return Math.min(maxMillis, firstMillis << doublings);
    }
}
