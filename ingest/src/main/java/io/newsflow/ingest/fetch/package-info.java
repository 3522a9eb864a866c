/** Fetching one URL with jsoup into a {@link io.newsflow.core.record.Page}. */
@NullMarked
package io.newsflow.ingest.fetch;

import org.jspecify.annotations.NullMarked;
