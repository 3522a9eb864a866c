/**
 * Quality and speed of the extractor: the article-extraction-benchmark metric, an evaluation over
 * a directory of pages with gold bodies, and a throughput bench against a bare jsoup parse.
 */
@NullMarked
package io.newsflow.app.eval.extraction;

import org.jspecify.annotations.NullMarked;
