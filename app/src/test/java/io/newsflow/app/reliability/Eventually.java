package io.newsflow.app.reliability;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Polls a probe until its value satisfies a condition or a deadline passes; never a fixed sleep. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(250);

    private Eventually() {
    }

    /**
     * The first value of {@code probe} that satisfies {@code done}; a probe that throws is tried again.
     *
     * @throws AssertionError naming {@code what} and the last value when the deadline passes: the
     *     last value is what tells a reader of a CI log which article went missing
     */
    public static <T> T await(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        AtomicReference<T> last = new AtomicReference<>();
        try {
            return Awaitility.await(what).atMost(timeout).pollInterval(POLL).ignoreExceptions()
                    .until(() -> {
                        T value = probe.call();
                        last.set(value);
                        return value;
                    }, done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last: " + last.get(), e);
        }
    }
}
