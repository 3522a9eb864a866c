/** Tagging of person mentions in article text. */
@NullMarked
package io.newsflow.enrich.tag.person;

import org.jspecify.annotations.NullMarked;
