/** Benchmarks of the whole pipeline against baselines measured in the same run. */
@NullMarked
package io.newsflow.app.bench;

import org.jspecify.annotations.NullMarked;
