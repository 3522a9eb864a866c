package io.newsflow.enrich.topology;

import io.newsflow.core.record.Page;
import io.newsflow.enrich.extract.Extraction;

/** A page with what the extractor found on it, passed from the extract step to the tag step in memory. */
record Extracted(Page page, Extraction extraction) {
}
