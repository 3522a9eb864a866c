/**
 * The crawler state: what is known about every URL of the hosts this instance owns, in one
 * RocksDB per owned partition of {@code newsflow.url-status} (the compacted topic stays the
 * source of truth), with bounded memory and a retention that lets old URLs go.
 */
@NullMarked
package io.newsflow.ingest.state;

import org.jspecify.annotations.NullMarked;
