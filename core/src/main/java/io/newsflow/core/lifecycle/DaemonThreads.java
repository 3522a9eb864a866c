package io.newsflow.core.lifecycle;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that do not keep the JVM alive: the background work of a service (pollers, samplers,
 * schedulers, accept loops) that its {@code close()} stops anyway. Named, so thread dumps say what
 * each does; an exception that escapes one is logged instead of printed to stderr.
 */
public final class DaemonThreads {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonThreads.class);

    private DaemonThreads() {
    }

    /** A factory for a pool's threads, named {@code name-0}, {@code name-1}, ... */
    public static ThreadFactory factory(String name) {
        AtomicInteger next = new AtomicInteger();
        return task -> of(name + "-" + next.getAndIncrement(), task);
    }

    /** A daemon thread named {@code name}, not yet started. */
    public static Thread of(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.error("thread {} died", t.getName(), e));
        return thread;
    }

    /** Starts {@code task} on a daemon thread named {@code name}. */
    public static Thread start(String name, Runnable task) {
        Thread thread = of(name, task);
        thread.start();
        return thread;
    }

    /** Interrupts the tasks of {@code pool} and waits up to {@code wait} for them to end. */
    public static void stop(ExecutorService pool, Duration wait) {
        pool.shutdownNow();
        try {
            pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
