/**
 * The crawl frontier in Kafka: canonical URLs, the host key of {@code newsflow.links}, and the
 * seen-set kept on the compacted {@code newsflow.url-status} topic.
 */
@NullMarked
package io.newsflow.ingest.frontier;

import org.jspecify.annotations.NullMarked;
