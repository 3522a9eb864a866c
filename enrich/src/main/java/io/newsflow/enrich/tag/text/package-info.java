/** Tokens and sentences of article text, with character offsets, shared by the taggers. */
@NullMarked
package io.newsflow.enrich.tag.text;

import org.jspecify.annotations.NullMarked;
