package io.newsflow.app.broker;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated test class a broker of its own instead of the run's shared one. For tests
 * that start a whole pipeline and show what it holds: on the shared broker their enrich stage (a new
 * application id) re-reads every page the earlier tests wrote, and the articles it makes of them
 * crowd out the ones the test looks for.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnBroker {
}
