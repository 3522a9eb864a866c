/** Record types carried on the newsflow topics; their JSON names are part of the public contract. */
@NullMarked
package io.newsflow.core.record;

import org.jspecify.annotations.NullMarked;
