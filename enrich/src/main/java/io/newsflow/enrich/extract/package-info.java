/** Main-content extraction: the body a reader sees and the article's metadata. */
@NullMarked
package io.newsflow.enrich.extract;

import org.jspecify.annotations.NullMarked;
