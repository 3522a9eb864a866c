package io.newsflow.ingest.fetch;

import java.util.function.Predicate;

/**
 * Told which hosts this instance owns, as Kafka's group assignment of {@code newsflow.links}
 * changes. Source polling listens, so a host's sources are polled by its owner only.
 */
public interface HostOwnership {

    /** Hosts (host keys) matching {@code hosts} now belong to this instance; their state is ready. */
    void assigned(Predicate<String> hosts);

    /**
     * Hosts matching {@code hosts} are being handed over: schedule nothing more for them. Requests
     * already under way finish before the hand-over completes.
     */
    void revoked(Predicate<String> hosts);
}
