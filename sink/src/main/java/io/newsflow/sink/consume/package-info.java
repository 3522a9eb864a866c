/** The consumer loop that commits offsets only after the database commits. */
@NullMarked
package io.newsflow.sink.consume;

import org.jspecify.annotations.NullMarked;
