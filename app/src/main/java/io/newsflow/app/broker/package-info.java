/** The embedded single-node KRaft broker and topic creation. */
@NullMarked
package io.newsflow.app.broker;

import org.jspecify.annotations.NullMarked;
