/** The lifecycle every long-running stage follows. */
@NullMarked
package io.newsflow.core.lifecycle;

import org.jspecify.annotations.NullMarked;
