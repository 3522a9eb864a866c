/** The sink stage: enriched articles become rows in SQLite or PostgreSQL. */
@NullMarked
package io.newsflow.sink;

import org.jspecify.annotations.NullMarked;
