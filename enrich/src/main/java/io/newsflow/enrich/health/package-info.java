/** Source health: how each page of a source extracted, and the rules that turn a source's signals into a status. */
@NullMarked
package io.newsflow.enrich.health;

import org.jspecify.annotations.NullMarked;
