package io.newsflow.app.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.newsflow.core.lifecycle.DaemonThreads;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Samples the heap in use every 100 ms and keeps its peak, which a collector given room lets grow
 * towards the maximum; and, when asked, measures the live set with a full collection.
 *
 * <p>Why a full collection: the heap in use after a young collection still holds every dead object
 * promoted to the old generation since the last mixed or full collection. In `bench pipeline` it
 * peaked at 438 MB, while in a run of the same bench at -Xmx300m no full collection left more than
 * 223 MB. A full collection stops the process for tens of milliseconds, so the bench measures the
 * live set only where no figure is being timed.
 *
 * <p>Why the notification: while a thread holds an array in a JNI critical section (zstd and the
 * JDK's inflater do, for every page), HotSpot skips a requested collection without a word, and
 * the heap then read still holds all the garbage: 684 MB in one run. The sampler takes the heap
 * left by the collection it asked for, from that collection's own report, and asks again when
 * none ran.
 */
final class HeapSampler implements AutoCloseable {

    private static final String REQUESTED = "System.gc()";
    private static final int ATTEMPTS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    /** A collection reports every pool it touched, metaspace and code cache among them: only these count. */
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final BlockingQueue<Long> requestedCollections = new LinkedBlockingQueue<>();
    private final NotificationListener listener = this::collected;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("heap-sampler"));

    HeapSampler() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
        scheduler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    private void collected(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            if (REQUESTED.equals(info.getGcCause())) {
                requestedCollections.add(info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum());
            }
        }
    }

    /**
     * Collects the whole heap and returns what it still holds, in megabytes; the most so far is
     * {@link #peakLiveMegabytes()}.
     *
     * @throws IllegalStateException when no requested collection ran in {@value #ATTEMPTS} attempts
     */
    long liveMegabytes() throws InterruptedException {
        sample();
        requestedCollections.clear();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            memory.gc();
            Long live = requestedCollections.poll(200, TimeUnit.MILLISECONDS);
            if (live != null) {
                peakLive.accumulateAndGet(live, Math::max);
                return live / (1024 * 1024);
            }
        }
        throw new IllegalStateException("no full collection ran in " + ATTEMPTS + " requests: the live heap is unknown");
    }

    long peakMegabytes() {
        return peak.get() / (1024 * 1024);
    }

    long peakLiveMegabytes() {
        return peakLive.get() / (1024 * 1024);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // added in the constructor; nothing to remove is nothing to undo
            }
        }
    }
}
