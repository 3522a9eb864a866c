package io.newsflow.ingest.source;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Where sources hand the article URLs they discover; the frontier's link publisher in production. */
@FunctionalInterface
public interface LinkSink {

    /**
     * Offers a discovered URL.
     *
     * @return whether it was new (not known and not waiting to be fetched)
     */
    boolean offer(String url, String source, @Nullable Instant publishedAt);
}
