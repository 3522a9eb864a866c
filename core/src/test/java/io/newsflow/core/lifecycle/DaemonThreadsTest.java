package io.newsflow.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void aPoolsThreadsAreNumberedDaemons() {
        ThreadFactory factory = DaemonThreads.factory("newsflow-test");
        Thread first = factory.newThread(() -> { });
        Thread second = factory.newThread(() -> { });
        assertEquals("newsflow-test-0", first.getName());
        assertEquals("newsflow-test-1", second.getName());
        assertTrue(first.isDaemon() && second.isDaemon());
    }

    @Test
    void startsANamedDaemon() throws InterruptedException {
        Thread thread = DaemonThreads.start("newsflow-once", () -> { });
        assertEquals("newsflow-once", thread.getName());
        assertTrue(thread.isDaemon());
        thread.join(5_000);
        assertFalse(thread.isAlive());
    }

    @Test
    void stopInterruptsARunningTaskAndWaitsForItsEnd() throws InterruptedException {
        ExecutorService pool = Executors.newSingleThreadExecutor(DaemonThreads.factory("newsflow-stop"));
        CountDownLatch running = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        pool.execute(() -> {
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertTrue(running.await(5, TimeUnit.SECONDS));
        DaemonThreads.stop(pool, Duration.ofSeconds(5));
        assertTrue(pool.isTerminated(), "waited for the task to end");
        assertTrue(interrupted.get(), "the task was interrupted, not left to sleep");
    }
}
