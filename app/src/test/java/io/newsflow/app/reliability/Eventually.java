package io.newsflow.app.reliability;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/** Polls a probe until its value satisfies a condition or a deadline passes; never a fixed sleep. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(250);

    private Eventually() {
    }

    /**
     * The first value of {@code probe} that satisfies {@code done}.
     *
     * @throws AssertionError naming {@code what} and the last value when the deadline passes
     */
    public static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = probe.call();
                lastError = null;
                if (done.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            Thread.sleep(POLL.toMillis());
        }
        AssertionError error = new AssertionError("timed out after " + timeout + " waiting for " + what + "; last: " + last);
        if (lastError != null) {
            error.initCause(lastError);
        }
        throw error;
    }
}
