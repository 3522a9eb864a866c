package io.newsflow.ingest.fetch;

import io.newsflow.core.record.Link;
import org.apache.kafka.common.TopicPartition;

/** A link taken off {@code newsflow.links}, waiting in its host's queue; its offset is committed once it is handled. */
record QueuedLink(String host, Link link, TopicPartition partition, long offset, long queuedAtNanos) {
}
