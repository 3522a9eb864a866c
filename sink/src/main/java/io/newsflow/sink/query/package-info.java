/** Reading stored articles back: filters, pages and single articles, the same on both backends. */
@NullMarked
package io.newsflow.sink.query;

import org.jspecify.annotations.NullMarked;
