package io.newsflow.core.lifecycle;

/**
 * A long-running stage. {@link #start()} returns once the stage runs in its own threads;
 * {@link #close()} stops it gracefully: in-flight records are finished and offsets committed.
 */
public interface Service extends AutoCloseable {

    /** A short name for logs and health reports, e.g. {@code ingest}. */
    String name();

    void start();

    /** Whether the stage is running and making progress, for {@code /ready}. */
    boolean isHealthy();

    @Override
    void close();
}
