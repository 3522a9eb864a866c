package io.newsflow.sink.consume;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Capped exponential back-off with jitter: the first wait, doubled after each failure up to the
 * cap, each drawn from 80-100% of that, so sinks that lost the same database do not retry in step.
 */
final class Backoff {

    private final long firstMillis;
    private final long maxMillis;
    private long nextMillis;

    Backoff(Duration first, Duration max) {
        this.firstMillis = first.toMillis();
        this.maxMillis = Math.max(max.toMillis(), firstMillis);
        this.nextMillis = firstMillis;
    }

    /** The wait before the next retry. */
    Duration next() {
        long ceiling = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        long wait = ceiling - ThreadLocalRandom.current().nextLong(ceiling / 5 + 1);
        return Duration.ofMillis(Math.max(1, wait));
    }

    /** After a success: the next failure waits the first back-off again. */
    void reset() {
        nextMillis = firstMillis;
    }
}
