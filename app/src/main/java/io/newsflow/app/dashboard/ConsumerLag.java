package io.newsflow.app.dashboard;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag as the broker sees it: for each partition a group has committed, the end offset
 * minus the committed offset. End offsets are read at {@code read_committed}, since the enrich
 * stage writes transactionally and its markers are not work to do.
 */
public final class ConsumerLag {

    private final Admin admin;
    private final Duration timeout;

    public ConsumerLag(Admin admin, Duration timeout) {
        this.admin = requireNonNull(admin, "admin");
        this.timeout = requireNonNull(timeout, "timeout");
    }

    /**
     * The lag of one group.
     *
     * @param group the consumer group
     * @param lag records not yet consumed, summed over the group's committed partitions
     * @param partitions how many partitions the group has committed offsets for; 0 means the lag is unknown
     * @param topics the topics of those partitions
     */
    public record GroupLag(String group, long lag, int partitions, Set<String> topics) {

        public GroupLag {
            requireNonNull(group, "group");
            topics = Set.copyOf(topics);
        }
    }

    /** Every consumer group on the cluster (share groups have no offsets and are left out), by name. */
    public List<GroupLag> all() throws ExecutionException, InterruptedException, TimeoutException {
        Collection<GroupListing> groups = admin.listGroups().all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Set<String> names = new TreeSet<>();
        for (GroupListing group : groups) {
            if (group.type().map(t -> t != GroupType.SHARE).orElse(true)) {
                names.add(group.groupId());
            }
        }
        return of(names);
    }

    /** The lag of the given groups, in the given order; a group without commits has partitions 0. */
    public List<GroupLag> of(Collection<String> groups) throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
            offsets.forEach((tp, offset) -> {
                if (offset != null) {
                    present.put(tp, offset);
                    partitions.put(tp, OffsetSpec.latest());
                }
            });
            committed.put(group, present);
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = partitions.isEmpty() ? Map.of()
                : admin.listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<GroupLag> result = new ArrayList<>();
        for (String group : groups) {
            long lag = 0;
            Set<String> topics = new TreeSet<>();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.get(group).entrySet()) {
                ListOffsetsResultInfo end = ends.get(e.getKey());
                if (end != null) {
                    lag += Math.max(0, end.offset() - e.getValue().offset());
                }
                topics.add(e.getKey().topic());
            }
            result.add(new GroupLag(group, lag, committed.get(group).size(), topics));
        }
        return result;
    }
}
