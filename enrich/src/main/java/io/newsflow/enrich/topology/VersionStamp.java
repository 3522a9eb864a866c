package io.newsflow.enrich.topology;

import static java.util.Objects.requireNonNull;

/**
 * What the versioning store remembers of an article: the fingerprint and number of its latest
 * version, and the position of the last page of it that was processed.
 *
 * @param fingerprint {@link VersionProcessor#fingerprint} of the latest version
 * @param version the latest version number
 * @param partition the pages partition of the last page processed
 * @param offset the offset of the last page processed
 */
record VersionStamp(String fingerprint, int version, int partition, long offset) {

    VersionStamp {
        requireNonNull(fingerprint, "fingerprint");
    }

    VersionStamp seenAt(int newPartition, long newOffset) {
        return new VersionStamp(fingerprint, version, newPartition, newOffset);
    }
}
