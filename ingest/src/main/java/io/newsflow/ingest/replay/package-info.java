/** Backfill from web archives: WARC response records published as raw pages. */
@NullMarked
package io.newsflow.ingest.replay;

import org.jspecify.annotations.NullMarked;
