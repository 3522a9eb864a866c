/** Source health as the app shows it: read from the compacted newsflow.source-health topic. */
@NullMarked
package io.newsflow.app.sources;

import org.jspecify.annotations.NullMarked;
