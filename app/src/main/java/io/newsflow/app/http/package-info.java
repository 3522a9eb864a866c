/** The HTTP server: metrics, health, readiness. */
@NullMarked
package io.newsflow.app.http;

import org.jspecify.annotations.NullMarked;
