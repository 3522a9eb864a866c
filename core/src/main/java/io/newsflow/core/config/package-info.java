/** Loading the one YAML config file with environment overrides. */
@NullMarked
package io.newsflow.core.config;

import org.jspecify.annotations.NullMarked;
