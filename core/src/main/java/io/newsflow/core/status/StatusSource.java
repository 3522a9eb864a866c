package io.newsflow.core.status;

import java.util.List;

/**
 * A stage that can report the state of the hosts it crawls. The ingest service implements it; the
 * app finds it among the running services and serves it to the dashboard.
 */
public interface StatusSource {

    /** A snapshot of every host the stage currently knows, safe to call from any thread. */
    List<HostStatus> hosts();
}
