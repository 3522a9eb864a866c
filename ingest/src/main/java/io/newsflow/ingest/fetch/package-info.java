/**
 * Fetching article URLs politely and safely: the HTTP client with its limits and SSRF guard, charset
 * detection, canonical URLs, per-host politeness and the consumer group that drains {@code newsflow.links}.
 */
@NullMarked
package io.newsflow.ingest.fetch;

import org.jspecify.annotations.NullMarked;
