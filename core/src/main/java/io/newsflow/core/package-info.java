/** The contracts every stage shares: record types, topics, the JSON codec, config and metric names. */
@NullMarked
package io.newsflow.core;

import org.jspecify.annotations.NullMarked;
