package io.newsflow.ingest.fetch;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of {@code newsflow.links} are handled. Links of one partition finish out of order
 * (they belong to different hosts), so a partition's committable offset is its lowest unfinished
 * one: nothing is skipped when an instance stops or loses the partition.
 */
final class OffsetTracker {

    private final Map<TopicPartition, TreeSet<Long>> pending = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();

    synchronized void started(TopicPartition partition, long offset) {
        pending.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
        passed(partition, offset);
    }

    /** Notes a record read and left in the topic for now (see {@link HostBacklog}); it is not pending. */
    synchronized void passed(TopicPartition partition, long offset) {
        next.merge(partition, offset + 1, Math::max);
    }

    /** Whether a record is read for the first time, not again after a rewind. */
    synchronized boolean isNew(TopicPartition partition, long offset) {
        return offset >= next.getOrDefault(partition, Long.MIN_VALUE);
    }

    /** The offset after the last record read of a partition (0 before any). */
    synchronized long next(TopicPartition partition) {
        return next.getOrDefault(partition, 0L);
    }

    synchronized void finished(TopicPartition partition, long offset) {
        TreeSet<Long> offsets = pending.get(partition);
        if (offsets != null) {
            offsets.remove(offset);
        }
        notifyAll();
    }

    /**
     * The offsets to commit that moved since the last call: each partition's lowest unfinished
     * offset, never past {@code leftFrom}, the first link left in the topic for later.
     */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable(ToLongFunction<TopicPartition> leftFrom) {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        for (Map.Entry<TopicPartition, Long> entry : next.entrySet()) {
            TopicPartition partition = entry.getKey();
            TreeSet<Long> offsets = pending.get(partition);
            long offset = Math.min(leftFrom.applyAsLong(partition),
                    offsets == null || offsets.isEmpty() ? entry.getValue() : offsets.first());
            if (!Long.valueOf(offset).equals(committed.get(partition))) {
                result.put(partition, new OffsetAndMetadata(offset));
            }
        }
        return result;
    }

    synchronized void markCommitted(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((p, o) -> committed.put(p, o.offset()));
    }

    /**
     * Waits until the links of the given partitions that are being fetched now have finished; the
     * {@code dropped} ones (queued, never started) stay unfinished, so the commit stops before them
     * and the partition's next owner fetches them.
     */
    synchronized void awaitInFlight(Set<TopicPartition> partitions, Collection<QueuedLink> dropped, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (inFlight(partitions, dropped) > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    private int inFlight(Set<TopicPartition> partitions, Collection<QueuedLink> dropped) {
        int count = 0;
        for (TopicPartition partition : partitions) {
            TreeSet<Long> offsets = pending.get(partition);
            if (offsets != null) {
                count += offsets.size();
            }
        }
        for (QueuedLink link : dropped) {
            TreeSet<Long> offsets = pending.get(link.partition());
            if (offsets != null && offsets.contains(link.offset())) {
                count--;
            }
        }
        return count;
    }

    synchronized void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            pending.remove(p);
            next.remove(p);
            committed.remove(p);
        });
    }
}
