/** The one JSON codec of newsflow records and the Kafka serdes built on it. */
@NullMarked
package io.newsflow.core.json;

import org.jspecify.annotations.NullMarked;
