/** Measuring how fast the stores take articles. */
@NullMarked
package io.newsflow.sink.bench;

import org.jspecify.annotations.NullMarked;
