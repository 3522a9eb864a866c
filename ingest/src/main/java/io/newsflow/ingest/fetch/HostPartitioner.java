package io.newsflow.ingest.fetch;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition of a host key, as Kafka's default partitioner places a record keyed by it on
 * {@code newsflow.links}. The crawler state of a host ({@code newsflow.url-status}) is sent to the
 * same partition number, so the instance that owns a host's links owns its state too.
 */
public record HostPartitioner(int partitions) {

    public HostPartitioner {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be positive: " + partitions);
        }
    }

    /** The partition of a host key from {@link io.newsflow.core.topic.HostKey}. */
    public int partitionOf(String hostKey) {
        // the same hash as the producer's BuiltInPartitioner for a String key
        return Utils.toPositive(Utils.murmur2(hostKey.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
