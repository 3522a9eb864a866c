/**
 * The live dashboard: a throughput sampler, consumer lag, an in-process feed of the latest
 * articles, and the page with its JSON endpoints on the process's HTTP server.
 */
@NullMarked
package io.newsflow.app.dashboard;

import org.jspecify.annotations.NullMarked;
