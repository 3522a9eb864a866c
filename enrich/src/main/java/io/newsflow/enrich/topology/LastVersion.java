package io.newsflow.enrich.topology;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.ArticleSnapshot;

/**
 * What the revisions store keeps of an article: its latest version as a reader saw it, and the
 * extractor that produced it (a new extractor changes the text without the publisher editing it).
 */
record LastVersion(String extractorVersion, ArticleSnapshot snapshot) {

    LastVersion {
        requireNonNull(extractorVersion, "extractorVersion");
        requireNonNull(snapshot, "snapshot");
    }
}
