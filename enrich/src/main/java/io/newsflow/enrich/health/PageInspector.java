package io.newsflow.enrich.health;

import io.newsflow.core.record.Page;
import io.newsflow.enrich.extract.Extraction;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Judges how a page extracted, and whether it is a bot challenge or a paywall rather than the page.
 * Only general signals, no list of sites: the markers that challenge platforms put in their pages,
 * schema.org's {@code isAccessibleForFree: false}, and a short page whose words are those of a
 * challenge or a paywall. A page with a full article's text is never called blocked, whatever
 * scripts it loads.
 */
public final class PageInspector {

    /** Markers that challenge platforms leave in the pages they serve instead of the requested one. */
    private static final List<String> CHALLENGE_MARKERS = List.of("cf-browser-verification", "challenge-platform", "cf_chl_",
            "cf-chl-", "g-recaptcha", "h-captcha", "captcha-delivery", "px-captcha", "checking your browser",
            "just a moment...", "ddos protection by", "verify you are human", "are you a robot",
            "enable javascript and cookies to continue");
    /** The words of challenges and paywalls; a short page needs two of them to be called blocked. */
    private static final List<String> VOCABULARY = List.of("captcha", "robot", "verify you are", "security check",
            "unusual traffic", "access denied", "subscribe", "subscription", "subscriber", "sign in to", "log in to",
            "paywall", "continue reading", "premium content", "already a member");
    private static final int HEAD_CHARS = 64 * 1024;

    private final int minChars;

    /** @param minChars the least text, in characters, of a page that extracted well */
    public PageInspector(int minChars) {
        if (minChars < 1) {
            throw new IllegalArgumentException("minChars must be positive, was " + minChars);
        }
        this.minChars = minChars;
    }

    public PageQuality judge(Page page, Extraction extraction) {
        if (looksBlocked(page.html(), extraction)) {
            return PageQuality.BLOCKED;
        }
        boolean good = extraction.isArticle() && !extraction.title().isBlank() && extraction.publishedAt() != null
                && extraction.text().length() >= minChars;
        return good ? PageQuality.GOOD : PageQuality.POOR;
    }

    private boolean looksBlocked(String html, Extraction extraction) {
        int textLength = extraction.text().length();
        if (textLength >= 2 * minChars) {
            return false;
        }
        String head = html.substring(0, Math.min(html.length(), HEAD_CHARS)).toLowerCase(Locale.ROOT);
        for (String marker : CHALLENGE_MARKERS) {
            if (head.contains(marker)) {
                return true;
            }
        }
        if (textLength >= minChars) {
            return false;
        }
        if (head.replace(" ", "").contains("\"isaccessibleforfree\":false")
                || head.replace(" ", "").contains("\"isaccessibleforfree\":\"false\"")) {
            return true;
        }
        // short pages only, so this second parse stays off the path of real articles
        String visible = (extraction.title() + " " + Jsoup.parse(head).text()).toLowerCase(Locale.ROOT);
        int hits = 0;
        for (String word : VOCABULARY) {
            if (visible.contains(word)) {
                hits++;
            }
        }
        return hits >= 2;
    }
}
