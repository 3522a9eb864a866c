/** The bundled demo site that newsflow up --demo crawls offline. */
@NullMarked
package io.newsflow.app.demo;

import org.jspecify.annotations.NullMarked;
