package io.newsflow.ingest.fetch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * The links a host has beyond its share of the in-memory queue, left in {@code newsflow.links}
 * for later. A giant host (a sitemap of a million URLs) would otherwise fill the queue, pause its
 * partition and hold back every other host there. Its links past the cap are passed over,
 * uncommitted, while the partition's other hosts are read on; once its queue has drained to half,
 * the partition is read again from the first link left, taking that host's links and passing over
 * the rest, which were handled already. The topic is the queue: a host's backlog costs a few
 * numbers in memory, and a new owner of the partition starts at the first link left.
 *
 * <p>Driven by the poll thread (rebalance callbacks run there too); synchronized for the gauge
 * that reads {@link #hostCount} from the metrics thread.
 */
final class HostBacklog {

    private final int hostMax;
    /** Per partition, the hosts with links left in the topic and the offset from which they are. */
    private final Map<TopicPartition, Map<String, Long>> left = new HashMap<>();
    /** Partitions being read again, with the offset where the re-read meets records not seen before. */
    private final Map<TopicPartition, Long> rereading = new HashMap<>();
    /** Per partition being read again, the hosts whose queue filled up again on the way. */
    private final Map<TopicPartition, Set<String>> refilled = new HashMap<>();

    /** @param hostMax the links of one host held in memory; the rest wait in the topic */
    HostBacklog(int hostMax) {
        if (hostMax < 1) {
            throw new IllegalArgumentException("hostMax must be positive: " + hostMax);
        }
        this.hostMax = hostMax;
    }

    /**
     * Whether a record read again after a rewind is one of the links left in the topic; every other
     * record below the rewind's end was handled (or is queued) already.
     */
    synchronized boolean isLeft(TopicPartition partition, @Nullable String host, long offset) {
        Long from = host == null ? null : left.getOrDefault(partition, Map.of()).get(host);
        return from != null && offset >= from;
    }

    /**
     * Decides on a link of {@code host} at {@code offset} whose host queue holds {@code depth}
     * links: true leaves it in the topic, false queues it. {@code reread} tells a link read again
     * after a rewind (and {@link #isLeft left}) from one read for the first time.
     */
    synchronized boolean holdsBack(TopicPartition partition, String host, long offset, int depth, boolean reread) {
        if (!reread) {
            if (left.getOrDefault(partition, Map.of()).containsKey(host)) {
                return true; // its earlier links wait in the topic: this one goes after them
            }
            if (depth >= hostMax) {
                left.computeIfAbsent(partition, p -> new HashMap<>()).put(host, offset);
                return true;
            }
            return false;
        }
        Map<String, Long> hosts = left.computeIfAbsent(partition, p -> new HashMap<>());
        Set<String> full = refilled.computeIfAbsent(partition, p -> new HashSet<>());
        if (full.contains(host)) {
            return true;
        }
        if (depth >= hostMax) {
            full.add(host);
            hosts.put(host, offset);
            return true;
        }
        hosts.put(host, offset + 1);
        return false;
    }

    /**
     * The partitions to read again now, each with the offset to seek to: those not being re-read
     * already where a host with links left has drained to half its share. {@code seen} gives the
     * offset after the last record read of a partition, where its re-read will end.
     */
    synchronized Map<TopicPartition, Long> rewinds(ToIntFunction<String> depth, ToLongFunction<TopicPartition> seen) {
        Map<TopicPartition, Long> seeks = new HashMap<>();
        for (Map.Entry<TopicPartition, Map<String, Long>> entry : left.entrySet()) {
            TopicPartition partition = entry.getKey();
            Map<String, Long> hosts = entry.getValue();
            if (rereading.containsKey(partition) || hosts.isEmpty()
                    || hosts.keySet().stream().noneMatch(h -> depth.applyAsInt(h) <= hostMax / 2)) {
                continue;
            }
            long from = hosts.values().stream().mapToLong(Long::longValue).min().orElseThrow();
            seeks.put(partition, from);
            rereading.put(partition, seen.applyAsLong(partition));
            refilled.put(partition, new HashSet<>());
        }
        return seeks;
    }

    /** The partitions being read again and the offset where each re-read ends. */
    synchronized Map<TopicPartition, Long> rereading() {
        return Map.copyOf(rereading);
    }

    /**
     * Ends the re-read of a partition, its consumer having reached the records not seen before:
     * a host whose queue never filled up on the way has no link left in the topic.
     */
    synchronized void reread(TopicPartition partition) {
        rereading.remove(partition);
        Set<String> full = refilled.remove(partition);
        Map<String, Long> hosts = left.get(partition);
        if (hosts != null) {
            hosts.keySet().removeIf(h -> full == null || !full.contains(h));
            if (hosts.isEmpty()) {
                left.remove(partition);
            }
        }
    }

    /** The offset of the first link left in the topic of a partition, or {@link Long#MAX_VALUE}. */
    synchronized long firstLeft(TopicPartition partition) {
        return left.getOrDefault(partition, Map.of()).values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
    }

    /** Hosts with links left in the topic, over all partitions. */
    synchronized int hostCount() {
        return left.values().stream().mapToInt(Map::size).sum();
    }

    /** Forgets partitions handed over: their next owner starts at the first link left. */
    synchronized void forget(Iterable<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            left.remove(partition);
            rereading.remove(partition);
            refilled.remove(partition);
        }
    }
}
