/** Stealth edits: the revisit schedule of recent articles and the field-level diff of two versions. */
@NullMarked
package io.newsflow.enrich.revision;

import org.jspecify.annotations.NullMarked;
