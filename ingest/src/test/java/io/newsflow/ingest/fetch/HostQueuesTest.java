package io.newsflow.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.Link;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class HostQueuesTest {

    private static final TopicPartition P0 = new TopicPartition("newsflow.links", 0);
    private static final TopicPartition P1 = new TopicPartition("newsflow.links", 1);
    private static final long NO_WAIT = 0;

    private final HostQueues queues = new HostQueues();
    private long offset;

    private void queue(String host, TopicPartition partition) {
        queues.add(new QueuedLink(host, new Link("http://" + host + "/" + offset, "t", Instant.EPOCH, null), partition, offset++, 0));
    }

    @Test
    void aHostIsNeverHandedToTwoWorkersAtOnce() throws Exception {
        queue("a.example", P0);
        queue("a.example", P0);
        QueuedLink first = queues.take(NO_WAIT);
        assertNotNull(first);
        assertNull(queues.take(NO_WAIT), "the host's second link waits while the first is fetched");
    }

    @Test
    void aReleasedHostWaitsItsDelayWhileOtherHostsGoAhead() throws Exception {
        queue("a.example", P0);
        queue("a.example", P0);
        queue("b.example", P0);
        queue("b.example", P0);
        QueuedLink first = queues.take(NO_WAIT);
        queues.release(first.host(), Duration.ofHours(1).toNanos(), false);
        QueuedLink second = queues.take(NO_WAIT);
        assertNotNull(second);
        assertNotEquals(first.host(), second.host(), "the other host goes ahead");
        queues.release(second.host(), Duration.ofHours(1).toNanos(), false);
        assertNull(queues.take(NO_WAIT), "both hosts are within their delay");
    }

    @Test
    void aHostReleasedWithoutARequestKeepsItsTurn() throws Exception {
        queue("a.example", P0);
        queue("a.example", P0);
        queues.take(NO_WAIT);
        queues.releaseUnused("a.example");
        assertNotNull(queues.take(NO_WAIT));
    }

    @Test
    void countsConsecutiveFailuresForBackOff() throws Exception {
        queue("a.example", P0);
        queue("a.example", P0);
        queue("a.example", P0);
        queues.take(NO_WAIT);
        queues.release("a.example", 0, true);
        queues.take(NO_WAIT);
        queues.release("a.example", 0, true);
        assertEquals(2, queues.failures("a.example"));
        queues.take(NO_WAIT);
        queues.release("a.example", 0, false);
        assertEquals(0, queues.failures("a.example"));
    }

    @Test
    void dropsTheQueuedLinksOfARevokedPartition() {
        queue("a.example", P0);
        queue("b.example", P1);
        queue("a.example", P0);
        List<QueuedLink> dropped = queues.removePartitions(Set.of(P0));
        assertEquals(2, dropped.size());
        assertEquals(1, queues.size());
        assertEquals(1, queues.hostCount());
    }

    @Test
    void offsetsAreCommittedUpToTheLowestUnfinishedLink() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.started(P0, 10);
        tracker.started(P0, 11);
        tracker.started(P0, 12);
        tracker.finished(P0, 11);
        tracker.finished(P0, 12);
        assertEquals(10, tracker.committable(p -> Long.MAX_VALUE).get(P0).offset(), "10 is still being fetched");
        tracker.finished(P0, 10);
        assertEquals(13, tracker.committable(p -> Long.MAX_VALUE).get(P0).offset());
    }

    @Test
    void aSourceRequestWaitsForTheFetchInFlightAndGoesBeforeQueuedLinks() throws Exception {
        queue("a.example", P0);
        queue("a.example", P0);
        QueuedLink fetching = queues.take(NO_WAIT);
        assertFalse(queues.acquire("a.example", Duration.ofMillis(50).toNanos(), () -> true), "one request per host at a time");
        CompletableFuture<Boolean> source = CompletableFuture.supplyAsync(() -> {
            try {
                return queues.acquire("a.example", Duration.ofSeconds(10).toNanos(), () -> true);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        queues.release(fetching.host(), 0, false);
        assertTrue(source.get(10, TimeUnit.SECONDS), "the source request has the host next");
        assertNull(queues.take(NO_WAIT), "the queued link waits for the source request");
        assertFalse(queues.awaitIdle(host -> host.equals("a.example"), Duration.ofMillis(50).toNanos()));
        queues.release("a.example", 0, false);
        assertTrue(queues.awaitIdle(host -> host.equals("a.example"), 0));
        assertNotNull(queues.take(NO_WAIT));
    }

    @Test
    void aSourceRequestForAHostNoLongerOwnedGivesUp() throws Exception {
        assertFalse(queues.acquire("a.example", Duration.ofSeconds(10).toNanos(), () -> false));
        assertEquals(0, queues.hostCount());
    }
}
