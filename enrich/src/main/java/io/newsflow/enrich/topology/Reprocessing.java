package io.newsflow.enrich.topology;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.topic.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;

/**
 * Rewinds the enrich job to the start of {@code newsflow.pages}, so its next run re-enriches every
 * page still retained with the current extractor and tagger.
 *
 * <p>Unlike the generic Streams application reset, it keeps the internal topics: the versioning
 * store must survive so version numbers keep growing (the sink ignores versions it has already
 * passed). The store notices rewound offsets by itself, see {@link VersionProcessor}. The rewind
 * refuses to run while any instance is a member of the group, since a running instance would
 * commit its own position over the rewound one.
 */
public final class Reprocessing {

    private static final long TIMEOUT_SECONDS = 30;

    /**
     * What a rewind did or would do.
     *
     * @param applicationId the Streams application id, which is the group id
     * @param groupType the group's protocol ({@code classic} or {@code streams}), or {@code none} when it has no offsets yet
     * @param groupState the group's state, e.g. {@code Empty}, or {@code Stable} while instances run; {@code none} without a group
     * @param partitions the pages partitions and the offsets they are rewound to
     * @param pages how many pages the next run will read again
     * @param applied false for a dry run
     */
    public record Plan(String applicationId, String groupType, String groupState, Map<TopicPartition, Long> partitions,
            long pages, boolean applied) {

        public Plan {
            requireNonNull(applicationId, "applicationId");
            requireNonNull(groupType, "groupType");
            requireNonNull(groupState, "groupState");
            partitions = Map.copyOf(partitions);
        }
    }

    /** The enrich job still has running instances. */
    public static final class GroupActiveException extends IllegalStateException {

        GroupActiveException(String message) {
            super(message);
        }
    }

    private Reprocessing() {
    }

    /**
     * Rewinds the application's committed position on the pages topic to the earliest retained
     * offset of every partition.
     *
     * @param dryRun compute the plan without changing anything, even while instances run
     * @throws GroupActiveException when an instance of the application is running and this is no dry run
     */
    public static Plan rewind(Admin admin, String applicationId, boolean dryRun)
            throws ExecutionException, InterruptedException, TimeoutException {
        requireNonNull(admin, "admin");
        requireNonNull(applicationId, "applicationId");
        Optional<GroupListing> group = admin.listGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                .filter(g -> g.groupId().equals(applicationId))
                .findFirst();
        Optional<GroupState> state = group.flatMap(GroupListing::groupState);
        boolean active = state.isPresent() && state.get() != GroupState.EMPTY && state.get() != GroupState.DEAD;
        if (active && !dryRun) {
            throw new GroupActiveException("group " + applicationId + " is " + state.get()
                    + ": stop every enrich instance first (a running one would overwrite the rewound position)");
        }
        boolean streamsGroup = group.flatMap(GroupListing::type).filter(t -> t == GroupType.STREAMS).isPresent();

        String topic = Topics.PAGES.name();
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> earliestSpec = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latestSpec = new HashMap<>();
        description.partitions().forEach(p -> {
            earliestSpec.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
            latestSpec.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
        });
        Map<TopicPartition, ListOffsetsResultInfo> earliest = admin.listOffsets(earliestSpec).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> latest = admin.listOffsets(latestSpec).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        Map<TopicPartition, Long> from = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        long pages = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResultInfo> e : earliest.entrySet()) {
            long offset = e.getValue().offset();
            from.put(e.getKey(), offset);
            offsets.put(e.getKey(), new OffsetAndMetadata(offset));
            pages += latest.get(e.getKey()).offset() - offset;
        }
        if (!dryRun) {
            if (streamsGroup) {
                admin.alterStreamsGroupOffsets(applicationId, offsets).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } else {
                admin.alterConsumerGroupOffsets(applicationId, offsets).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        }
        String type = group.isEmpty() ? "none" : streamsGroup ? "streams" : "classic";
        return new Plan(applicationId, type, state.map(GroupState::toString).orElse("none"), from, pages, !dryRun);
    }
}
