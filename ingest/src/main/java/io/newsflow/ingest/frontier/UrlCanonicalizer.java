package io.newsflow.ingest.frontier;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Normalises a URL so that one page has one key: crawler-commons' {@link BasicURLNormalizer}
 * (lower-case scheme and host, default port and fragment dropped, path and query escaped
 * consistently, query parameters sorted) with the common tracking parameters removed.
 */
public final class UrlCanonicalizer {

    /** Parameters that identify a campaign or a click, never the page. */
    static final List<String> TRACKING_PARAMETERS = List.of(
            "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id", "utm_name",
            "utm_reader", "utm_referrer", "utm_social", "utm_brand", "fbclid", "gclid", "gclsrc", "dclid",
            "msclkid", "yclid", "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "ref_src", "cmpid", "ocid", "ncid",
            "mkt_tok", "wt.mc_id", "at_medium", "at_campaign", "soc_src", "soc_trk");

    private static final BasicURLNormalizer NORMALIZER = BasicURLNormalizer.newBuilder()
            .queryParamsToRemove(TRACKING_PARAMETERS)
            .build();

    private UrlCanonicalizer() {
    }

    /** The canonical form of an absolute http(s) URL, or null when it is not one. */
    public static @Nullable String canonicalize(String url) {
        String trimmed = url.trim();
        if (!(trimmed.regionMatches(true, 0, "http://", 0, 7) || trimmed.regionMatches(true, 0, "https://", 0, 8))) {
            return null;
        }
        return NORMALIZER.filter(trimmed);
    }
}
