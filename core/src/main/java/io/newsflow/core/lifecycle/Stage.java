package io.newsflow.core.lifecycle;

import java.util.Locale;

/** The stages of the pipeline, in data-flow order. */
public enum Stage {
    INGEST,
    ENRICH,
    SINK;

    /** The stage's name as it appears in metric tags, dead-letter headers and commands: {@code ingest}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
