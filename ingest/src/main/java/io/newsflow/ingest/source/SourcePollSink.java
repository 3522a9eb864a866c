package io.newsflow.ingest.source;

import io.newsflow.core.record.SourcePoll;

/** Where the source poller reports every poll, for source health; {@code newsflow.source-polls} in production. */
@FunctionalInterface
public interface SourcePollSink {

    /** Takes the outcome of one poll; must not block the poller for long. */
    void polled(SourcePoll poll);
}
