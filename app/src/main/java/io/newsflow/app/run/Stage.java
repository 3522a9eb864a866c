package io.newsflow.app.run;

/** The stages of the pipeline, in data-flow order. */
public enum Stage {
    INGEST,
    ENRICH,
    SINK
}
