/** Waiting before trying again: the one back-off every stage uses. */
@NullMarked
package io.newsflow.core.retry;

import org.jspecify.annotations.NullMarked;
