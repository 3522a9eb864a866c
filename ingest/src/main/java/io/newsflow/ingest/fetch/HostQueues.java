package io.newsflow.ingest.fetch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;

/**
 * One queue per host with its politeness: a host is handed to at most one worker at a time, and
 * not before the delay its last fetch set (minimum delay, crawl-delay, Retry-After or back-off)
 * has passed. Workers take whichever host is ready first.
 */
final class HostQueues {

    private static final class Host {
        final Deque<QueuedLink> links = new ArrayDeque<>();
        boolean busy;
        long notBeforeNanos;
        int failures;
        /** Source or robots.txt requests waiting for this host; they go before its queued links. */
        int waiting;

        boolean idle() {
            return !busy && waiting == 0 && links.isEmpty();
        }
    }

    private final Map<String, Host> hosts = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int size;

    void add(QueuedLink link) {
        lock.lock();
        try {
            hosts.computeIfAbsent(link.host(), h -> new Host()).links.addLast(link);
            size++;
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the next link of a host that is ready, marking the host busy until {@link #release}.
     * Waits up to {@code maxWaitNanos}; returns null when nothing became ready.
     */
    @Nullable QueuedLink take(long maxWaitNanos) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitNanos;
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                long earliest = Long.MAX_VALUE;
                for (Iterator<Host> it = hosts.values().iterator(); it.hasNext(); ) {
                    Host host = it.next();
                    if (host.busy || host.waiting > 0) {
                        continue;
                    }
                    if (host.links.isEmpty()) {
                        if (host.notBeforeNanos - now <= 0) {
                            it.remove(); // idle and past its delay: nothing left to remember
                        }
                        continue;
                    }
                    if (host.notBeforeNanos - now <= 0) {
                        host.busy = true;
                        size--;
                        return host.links.pollFirst();
                    }
                    earliest = Math.min(earliest, host.notBeforeNanos - now);
                }
                long left = deadline - now;
                if (left <= 0) {
                    return null;
                }
                changed.awaitNanos(Math.min(left, earliest));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Hands a host back after a fetch; it may be taken again after {@code delayNanos}. */
    void release(String hostKey, long delayNanos, boolean failed) {
        lock.lock();
        try {
            Host host = hosts.get(hostKey);
            if (host == null) {
                return;
            }
            host.busy = false;
            host.notBeforeNanos = System.nanoTime() + Math.max(0, delayNanos);
            host.failures = failed ? host.failures + 1 : 0;
            if (host.idle() && host.notBeforeNanos - System.nanoTime() <= 0) {
                hosts.remove(hostKey);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a host for a request that is not one of its queued links (a source document,
     * robots.txt), before its queued links, once it is free and past its delay. Gives up when
     * {@code owned} turns false or after {@code maxWaitNanos}.
     */
    boolean acquire(String hostKey, long maxWaitNanos, BooleanSupplier owned) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitNanos;
        lock.lock();
        try {
            Host host = hosts.computeIfAbsent(hostKey, h -> new Host());
            host.waiting++;
            try {
                while (true) {
                    if (!owned.getAsBoolean()) {
                        return false;
                    }
                    long now = System.nanoTime();
                    if (!host.busy && host.notBeforeNanos - now <= 0) {
                        host.busy = true;
                        return true;
                    }
                    long left = deadline - now;
                    if (left <= 0) {
                        return false;
                    }
                    changed.awaitNanos(host.busy ? left : Math.min(left, host.notBeforeNanos - now));
                }
            } finally {
                host.waiting--;
                if (host.idle() && host.notBeforeNanos - System.nanoTime() <= 0) {
                    hosts.remove(hostKey);
                }
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Puts a link taken by {@link #take} back at the head of its host's queue, unfetched. */
    void putBack(QueuedLink link) {
        lock.lock();
        try {
            hosts.computeIfAbsent(link.host(), h -> new Host()).links.addFirst(link);
            size++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no host matching {@code hostKeys} has a request in flight; false on timeout. */
    boolean awaitIdle(Predicate<String> hostKeys, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        lock.lock();
        try {
            while (hosts.entrySet().stream().anyMatch(e -> e.getValue().busy && hostKeys.test(e.getKey()))) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Hands a host back without a request having been made, keeping its previous delay. */
    void releaseUnused(String hostKey) {
        lock.lock();
        try {
            Host host = hosts.get(hostKey);
            if (host != null) {
                host.busy = false;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Consecutive failed fetches of a host, for its back-off. */
    int failures(String hostKey) {
        lock.lock();
        try {
            Host host = hosts.get(hostKey);
            return host == null ? 0 : host.failures;
        } finally {
            lock.unlock();
        }
    }

    /** Removes the queued links of partitions this instance no longer owns. */
    List<QueuedLink> removePartitions(Set<TopicPartition> partitions) {
        List<QueuedLink> removed = new ArrayList<>();
        lock.lock();
        try {
            for (Host host : hosts.values()) {
                for (Iterator<QueuedLink> it = host.links.iterator(); it.hasNext(); ) {
                    QueuedLink link = it.next();
                    if (partitions.contains(link.partition())) {
                        it.remove();
                        removed.add(link);
                        size--;
                    }
                }
            }
            hosts.values().removeIf(Host::idle);
            return removed;
        } finally {
            lock.unlock();
        }
    }

    void wakeAll() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    int hostCount() {
        lock.lock();
        try {
            return (int) hosts.values().stream().filter(h -> !h.links.isEmpty()).count();
        } finally {
            lock.unlock();
        }
    }

    /** Links of one host waiting, not counting one being fetched. */
    int depth(String hostKey) {
        lock.lock();
        try {
            Host host = hosts.get(hostKey);
            return host == null ? 0 : host.links.size();
        } finally {
            lock.unlock();
        }
    }

    int deepest() {
        lock.lock();
        try {
            return hosts.values().stream().mapToInt(h -> h.links.size()).max().orElse(0);
        } finally {
            lock.unlock();
        }
    }
}
