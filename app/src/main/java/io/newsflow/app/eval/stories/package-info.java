/**
 * Quality of story detection: republished copies made from real pages, and pairwise precision and
 * recall of the matcher over every pair of articles.
 */
@NullMarked
package io.newsflow.app.eval.stories;

import org.jspecify.annotations.NullMarked;
