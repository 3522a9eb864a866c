package io.newsflow.ingest.source;

import java.util.Locale;

/** The kinds of source, as named in the config's {@code type} field. */
public enum SourceType {
    /** An RSS 2.0 or Atom feed. */
    FEED,
    /** An XML or text sitemap, a sitemap index, or a Google News sitemap. */
    SITEMAP,
    /** A site's robots.txt: every sitemap it lists. */
    ROBOTS,
    /** A section or front page whose links matching {@code include} are articles. */
    LISTING;

    public static SourceType parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown source type '" + name + "' (feed, sitemap, robots or listing)");
        }
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
