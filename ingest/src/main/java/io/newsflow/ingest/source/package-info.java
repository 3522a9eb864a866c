/**
 * Where article URLs come from: RSS/Atom feeds, sitemaps (plain, index, Google News, or found
 * through robots.txt) and listing pages, each re-polled on its own interval.
 */
@NullMarked
package io.newsflow.ingest.source;

import org.jspecify.annotations.NullMarked;
