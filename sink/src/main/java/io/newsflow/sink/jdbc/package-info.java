/** Storage over JDBC: schema migrations and idempotent, version-guarded upserts. */
@NullMarked
package io.newsflow.sink.jdbc;

import org.jspecify.annotations.NullMarked;
