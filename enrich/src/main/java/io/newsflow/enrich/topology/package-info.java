/** The Kafka Streams topology from pages to articles and mentions, and the service that runs it. */
@NullMarked
package io.newsflow.enrich.topology;

import org.jspecify.annotations.NullMarked;
