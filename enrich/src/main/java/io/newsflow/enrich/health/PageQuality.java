package io.newsflow.enrich.health;

/** How one fetched page of a source came out of extraction. */
public enum PageQuality {
    /** An article with a title, a date and text above the minimum length. */
    GOOD,
    /** Extracted, but without a title or date, or with too little text, or not an article at all. */
    POOR,
    /** A bot challenge or a paywall instead of the page. */
    BLOCKED
}
