/**
 * What a stage reports about the outside world it works on, e.g. the crawler's hosts and their
 * politeness state, so the dashboard can show it without importing the stage.
 */
@NullMarked
package io.newsflow.core.status;

import org.jspecify.annotations.NullMarked;
