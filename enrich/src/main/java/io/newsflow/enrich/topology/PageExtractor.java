package io.newsflow.enrich.topology;

import io.newsflow.enrich.extract.Extraction;

/**
 * The extract step's view of an extractor; production passes {@code ArticleExtractor::extract},
 * tests may pass one that fails on a page to exercise the dead-letter path.
 */
@FunctionalInterface
interface PageExtractor {

    Extraction extract(String html, String url);
}
