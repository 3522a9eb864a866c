package io.newsflow.sink.consume;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapWithAtMostAFifthTakenOffForJitter() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        long[] ceilings = {100, 200, 400, 800, 1000, 1000, 1000};
        for (long ceiling : ceilings) {
            long wait = backoff.next().toMillis();
            assertTrue(wait <= ceiling && wait >= ceiling * 4 / 5, wait + " for ceiling " + ceiling);
        }
    }

    @Test
    void startsOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        backoff.next();
        backoff.next();
        backoff.reset();
        assertTrue(backoff.next().toMillis() <= 100);
    }
}
