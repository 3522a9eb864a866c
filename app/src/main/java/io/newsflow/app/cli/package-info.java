/** The newsflow command line. */
@NullMarked
package io.newsflow.app.cli;

import org.jspecify.annotations.NullMarked;
