package io.newsflow.ingest.fetch;

import java.time.Duration;

/**
 * A host's politeness slot, for requests that are not article fetches (source documents,
 * robots.txt): one request per host at a time, the host's delay between two, and only on the
 * instance that owns the host.
 */
public interface HostSlots {

    /**
     * Waits until the host of {@code url} is free and past its delay, and takes it; false when this
     * instance does not own the host (or gave it up while waiting) or {@code maxWait} passed.
     */
    boolean acquire(String url, Duration maxWait) throws InterruptedException;

    /** Hands the host of {@code url} back after a request; the next one waits the host's politeness delay. */
    void release(String url, boolean failed);

    /** Whether this instance owns the host of {@code url} now. */
    boolean owns(String url);
}
