/**
 * Stories: syndicated copies and near-duplicates of one article found by MinHash signatures over
 * word shingles, candidates by LSH bands, confirmed by the estimated Jaccard similarity.
 */
@NullMarked
package io.newsflow.enrich.story;

import org.jspecify.annotations.NullMarked;
