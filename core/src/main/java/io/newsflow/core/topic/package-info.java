/** Topic names with their serdes, and the dead-letter header names. */
@NullMarked
package io.newsflow.core.topic;

import org.jspecify.annotations.NullMarked;
