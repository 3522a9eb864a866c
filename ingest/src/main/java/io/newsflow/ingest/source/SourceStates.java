package io.newsflow.ingest.source;

import io.newsflow.core.record.UrlStatus;
import org.jspecify.annotations.Nullable;

/**
 * The crawler state of source documents (feeds, sitemaps, listings, robots.txt): when each was last
 * polled and its validators. It is kept with the host's other state, so the instance that takes a
 * host over polls its sources on schedule and conditionally.
 */
public interface SourceStates {

    /** The last status of a source document's URL, or null when it was never polled. */
    @Nullable UrlStatus get(String url);

    /** Records a poll of a source document. */
    void record(UrlStatus status);
}
