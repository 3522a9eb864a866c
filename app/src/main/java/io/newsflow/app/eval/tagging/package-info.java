/** Quality and speed of the taggers on public data: what {@code newsflow eval} and {@code bench} print. */
@NullMarked
package io.newsflow.app.eval.tagging;

import org.jspecify.annotations.NullMarked;
