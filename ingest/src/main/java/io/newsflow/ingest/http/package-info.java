/**
 * The HTTP transport every ingest request goes through: hand-followed redirects, the SSRF guard on
 * every hop, streamed bodies cut at the cap, and connect, read and total time limits.
 */
@NullMarked
package io.newsflow.ingest.http;

import org.jspecify.annotations.NullMarked;
