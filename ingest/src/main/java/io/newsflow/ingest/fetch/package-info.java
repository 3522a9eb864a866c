/**
 * Fetching article URLs politely: the consumer group that drains {@code newsflow.links}, per-host
 * queues and delays, and turning one response into a {@link io.newsflow.core.record.Page}
 * (content type, binary sniffing, charset, canonical URL).
 */
@NullMarked
package io.newsflow.ingest.fetch;

import org.jspecify.annotations.NullMarked;
