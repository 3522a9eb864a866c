package io.newsflow.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class HostBacklogTest {

    private static final TopicPartition P0 = new TopicPartition("newsflow.links", 0);

    private final HostBacklog backlog = new HostBacklog(2);
    private final Map<String, Integer> depth = new HashMap<>();

    /** Reads records as the poll loop does: host of each offset, the queue depth as it grows. */
    private boolean read(String host, long offset, boolean reread) {
        boolean held = backlog.holdsBack(P0, host, offset, depth.getOrDefault(host, 0), reread);
        if (!held) {
            depth.merge(host, 1, Integer::sum);
        }
        return held;
    }

    @Test
    void aFullHostIsLeftInTheTopicWhileTheOthersAreQueued() {
        assertFalse(read("giant", 0, false));
        assertFalse(read("giant", 1, false));
        assertTrue(read("giant", 2, false), "past its share");
        assertFalse(read("small", 3, false), "another host of the partition is queued");
        depth.put("giant", 0);
        assertTrue(read("giant", 4, false), "after its earlier links left in the topic, even with room");
        assertEquals(2, backlog.firstLeft(P0), "nothing is committed past the first link left");
        assertEquals(1, backlog.hostCount());
    }

    @Test
    void aDrainedHostIsReadAgainFromItsFirstLinkLeftTakingOnlyItsOwn() {
        for (long offset = 0; offset < 6; offset++) {
            read("giant", offset, false);
        }
        assertEquals(Map.of(), backlog.rewinds(h -> depth.getOrDefault(h, 0), p -> 6), "no rewind while the queue is full");
        depth.put("giant", 1);
        assertEquals(Map.of(P0, 2L), backlog.rewinds(h -> depth.getOrDefault(h, 0), p -> 6));
        assertEquals(Map.of(), backlog.rewinds(h -> depth.getOrDefault(h, 0), p -> 6), "one re-read at a time");

        assertFalse(backlog.isLeft(P0, "giant", 1), "queued before: handled");
        assertFalse(backlog.isLeft(P0, "small", 3), "other hosts' records were handled");
        assertTrue(backlog.isLeft(P0, "giant", 2));
        assertFalse(read("giant", 2, true));
        assertTrue(read("giant", 3, true), "full again");
        assertTrue(read("giant", 4, true), "stays behind the first link left");
        assertTrue(read("giant", 5, true));
        backlog.reread(P0);
        assertEquals(3, backlog.firstLeft(P0));
        assertEquals(1, backlog.hostCount(), "it filled up on the way, so links are left");
    }

    @Test
    void aReReadThatQueuesEveryLinkLeftEndsTheBacklog() {
        for (long offset = 0; offset < 4; offset++) {
            read("giant", offset, false);
        }
        depth.put("giant", 0);
        assertEquals(Map.of(P0, 2L), backlog.rewinds(h -> depth.getOrDefault(h, 0), p -> 4));
        assertFalse(read("giant", 2, true));
        assertFalse(read("giant", 3, true));
        backlog.reread(P0);
        assertEquals(Long.MAX_VALUE, backlog.firstLeft(P0));
        assertEquals(0, backlog.hostCount());
        depth.put("giant", 1);
        assertFalse(read("giant", 4, false), "later links are queued again as they come");
    }

    @Test
    void aHandedOverPartitionIsForgotten() {
        for (long offset = 0; offset < 3; offset++) {
            read("giant", offset, false);
        }
        backlog.forget(List.of(P0));
        assertEquals(Long.MAX_VALUE, backlog.firstLeft(P0));
        assertEquals(Map.of(), backlog.rewinds(h -> 0, p -> 3));
    }
}
