/** The catalogue of metric names, tags and units every stage reports. */
@NullMarked
package io.newsflow.core.metrics;

import org.jspecify.annotations.NullMarked;
