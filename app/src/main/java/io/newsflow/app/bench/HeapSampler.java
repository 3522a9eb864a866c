package io.newsflow.app.bench;

import io.newsflow.core.lifecycle.DaemonThreads;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the heap every 100 ms and keeps two peaks: heap in use, which a collector given room
 * lets grow towards the maximum, and heap still in use after a collection, the live set that
 * decides how small a heap the process could run in.
 */
final class HeapSampler implements AutoCloseable {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported())
            .toList();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong peakAfterCollection = new AtomicLong();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("heap-sampler"));

    HeapSampler() {
        scheduler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        long afterCollection = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage usage = pool.getCollectionUsage();
            afterCollection += usage == null ? 0 : usage.getUsed();
        }
        peakAfterCollection.accumulateAndGet(afterCollection, Math::max);
    }

    long peakMegabytes() {
        return peak.get() / (1024 * 1024);
    }

    long peakAfterCollectionMegabytes() {
        return peakAfterCollection.get() / (1024 * 1024);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
