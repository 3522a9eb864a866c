/** Progress of long-running commands (replay, reprocess, evals, benches) on the terminal. */
@NullMarked
package io.newsflow.core.progress;

import org.jspecify.annotations.NullMarked;
