package io.newsflow.core.lifecycle;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a component started, closed newest first, so each part stops before the parts it was built
 * on. A part that fails to close is logged and the others still close.
 */
public final class StartedResources implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StartedResources.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    /** Records a started part and returns it. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        started.push(requireNonNull(resource, "resource"));
        return resource;
    }

    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("cannot stop {}: {}", next.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
