/** Wiring the stages into one running pipeline. */
@NullMarked
package io.newsflow.app.run;

import org.jspecify.annotations.NullMarked;
