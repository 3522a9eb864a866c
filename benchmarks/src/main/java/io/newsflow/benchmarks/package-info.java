/**
 * JMH benchmarks of the hot paths. Run from the repository root:
 * {@code ./mvnw -q -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar}.
 */
@NullMarked
package io.newsflow.benchmarks;

import org.jspecify.annotations.NullMarked;
