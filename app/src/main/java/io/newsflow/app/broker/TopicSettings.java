package io.newsflow.app.broker;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import org.apache.kafka.common.config.AbstractConfig;

/**
 * How the pipeline's topics are made.
 *
 * @param pageMaxBytes the page cap, which sizes every topic's {@code max.message.bytes}
 * @param replicationFactor replicas of each topic; -1 takes the cluster's {@code default.replication.factor}
 * @param minInsyncReplicas {@code min.insync.replicas} of each topic; -1 takes the cluster's setting
 */
public record TopicSettings(int pageMaxBytes, int replicationFactor, int minInsyncReplicas) {

    public TopicSettings {
        if (replicationFactor == 0 || replicationFactor < -1) {
            throw new IllegalArgumentException("replication factor must be positive or -1: " + replicationFactor);
        }
        if (minInsyncReplicas == 0 || minInsyncReplicas < -1) {
            throw new IllegalArgumentException("min.insync.replicas must be positive or -1: " + minInsyncReplicas);
        }
        if (replicationFactor > 0 && minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("min.insync.replicas " + minInsyncReplicas
                    + " exceeds the replication factor " + replicationFactor + ": no write could succeed");
        }
    }

    /** The settings the configuration gives ({@code newsflow.page.max.bytes}, {@code newsflow.topics.*}). */
    public static TopicSettings of(NewsflowConfig config) {
        AbstractConfig values = config.parse(CommonConfig.DEFINITION);
        return new TopicSettings(values.getInt(CommonConfig.PAGE_MAX_BYTES),
                values.getInt(CommonConfig.TOPIC_REPLICATION_FACTOR),
                values.getInt(CommonConfig.TOPIC_MIN_INSYNC_REPLICAS));
    }

    /** Replication as the cluster's defaults have it: what a single broker (the embedded one) needs. */
    public static TopicSettings clusterDefaults(int pageMaxBytes) {
        return new TopicSettings(pageMaxBytes, -1, -1);
    }
}
