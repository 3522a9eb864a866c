package io.newsflow.enrich.topology;

import java.util.Locale;

/** Why a page did not become an article: a bounded set, so it can tag a metric. */
enum SkipReason {
    /** The value was null, e.g. a tombstone. */
    EMPTY_RECORD,
    /** The response was not a 2xx. */
    HTTP_STATUS,
    /** The response was not HTML. */
    NOT_HTML,
    /** The extractor found no body text (navigation, index or error page). */
    NO_TEXT;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
