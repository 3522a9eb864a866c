package io.newsflow.core.lifecycle;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The stages of the pipeline, in data-flow order. */
public enum Stage {
    INGEST,
    ENRICH,
    SINK;

    /** The stage's name as it appears in metric tags, dead-letter headers and commands: {@code ingest}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stage whose {@link #tag()} this is, if any. */
    public static Optional<Stage> fromTag(String tag) {
        return Arrays.stream(values()).filter(stage -> stage.tag().equals(tag)).findFirst();
    }
}
