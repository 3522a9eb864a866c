/** The ingest stage: discovers article URLs, fetches them politely and publishes raw pages. */
@NullMarked
package io.newsflow.ingest;

import org.jspecify.annotations.NullMarked;
