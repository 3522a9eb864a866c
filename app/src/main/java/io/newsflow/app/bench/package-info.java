/** Benchmarks of the whole pipeline, the crawler frontier and the sink's writes, against baselines measured in the same run. */
@NullMarked
package io.newsflow.app.bench;

import org.jspecify.annotations.NullMarked;
