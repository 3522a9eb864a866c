/** The enrich stage: raw pages become articles with their country and person mentions. */
@NullMarked
package io.newsflow.enrich;

import org.jspecify.annotations.NullMarked;
