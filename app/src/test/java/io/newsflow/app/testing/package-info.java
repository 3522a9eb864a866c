/** Test support shared by the integration and fault-injection suites. */
@NullMarked
package io.newsflow.app.testing;

import org.jspecify.annotations.NullMarked;
