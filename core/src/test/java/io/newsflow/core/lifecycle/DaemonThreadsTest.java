package io.newsflow.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadFactory;
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
}
