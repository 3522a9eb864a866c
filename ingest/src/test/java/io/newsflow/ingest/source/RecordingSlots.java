package io.newsflow.ingest.source;

import io.newsflow.ingest.fetch.HostSlots;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** Host slots for a poller on its own: hosts matching {@code owned} are free at once; every taking is recorded. */
final class RecordingSlots implements HostSlots {

    private final Predicate<String> owned;
    private final AtomicInteger inUse = new AtomicInteger();
    /** URLs whose host slot was taken, in order. */
    final List<String> taken = new CopyOnWriteArrayList<>();
    volatile int maxInUse;
    /** Runs once in the next acquire, while its caller waits for the slot (a rebalance, say). */
    final AtomicReference<Runnable> beforeNextAcquire = new AtomicReference<>();

    RecordingSlots(Predicate<String> owned) {
        this.owned = owned;
    }

    @Override
    public boolean acquire(String url, Duration maxWait) {
        Runnable before = beforeNextAcquire.getAndSet(null);
        if (before != null) {
            before.run();
        }
        if (!owns(url)) {
            return false;
        }
        taken.add(url);
        maxInUse = Math.max(maxInUse, inUse.incrementAndGet());
        return true;
    }

    @Override
    public void release(String url, boolean failed) {
        inUse.decrementAndGet();
    }

    @Override
    public boolean owns(String url) {
        return owned.test(url);
    }
}
