/** Tagging of country mentions in article text. */
@NullMarked
package io.newsflow.enrich.tag.country;

import org.jspecify.annotations.NullMarked;
