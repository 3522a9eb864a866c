/** Kafka producers of the links and pages topics. */
@NullMarked
package io.newsflow.ingest.publish;

import org.jspecify.annotations.NullMarked;
