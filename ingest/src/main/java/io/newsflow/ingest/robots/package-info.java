/** robots.txt per RFC 9309: fetched once per host, parsed by crawler-commons, cached. */
@NullMarked
package io.newsflow.ingest.robots;

import org.jspecify.annotations.NullMarked;
