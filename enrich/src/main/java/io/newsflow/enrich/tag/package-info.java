/** Tagging of country and person mentions, with offsets and canonical names: {@link io.newsflow.enrich.tag.ArticleTagger}. */
@NullMarked
package io.newsflow.enrich.tag;

import org.jspecify.annotations.NullMarked;
