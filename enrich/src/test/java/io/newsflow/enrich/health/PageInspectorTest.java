package io.newsflow.enrich.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Html;
import io.newsflow.core.record.Page;
import io.newsflow.enrich.extract.ArticleExtractor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PageInspectorTest {

    private final PageInspector inspector = new PageInspector(400);
    private final ArticleExtractor extractor = new ArticleExtractor();

    private PageQuality judge(String html) {
        return judge(html, Html.of(html));
    }

    // as enrich holds a page read from the pages topic
    private PageQuality judgeUtf8(String html) {
        byte[] utf8 = html.getBytes(StandardCharsets.UTF_8);
        return judge(html, Html.ofUtf8(utf8, 0, utf8.length));
    }

    private PageQuality judge(String html, Html body) {
        Page page = new Page("https://news.example/a", "https://news.example/a", "https://news.example/a", "t", Instant.EPOCH,
                200, "text/html", "UTF-8", null, null, ArticleId.sha256Hex(html), false, body);
        return inspector.judge(page, extractor.extract(html, page.finalUrl()));
    }

    @Test
    void aBotChallengeIsBlocked() {
        assertEquals(PageQuality.BLOCKED, judge(HealthPages.challenge()));
    }

    @Test
    void aShortPageInPaywallWordsIsBlocked() {
        assertEquals(PageQuality.BLOCKED, judge("<html><head><title>Harbour vote</title></head><body><article>"
                + "<h1>Harbour vote</h1><p>The board voted on Monday.</p><p>Subscribe to continue reading. Already a subscriber? "
                + "Log in to your account.</p></article></body></html>"));
    }

    @Test
    void schemaOrgSayingNotFreeOnAShortPageIsBlocked() {
        assertEquals(PageQuality.BLOCKED, judge("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"isAccessibleForFree\": false}</script><title>Vote</title></head><body><p>The board voted.</p></body></html>"));
    }

    @Test
    void aFullArticleIsGoodEvenIfItLoadsACaptchaWidgetForComments() {
        assertEquals(PageQuality.GOOD, judge(HealthPages.article().replace("</body>", "<div class=\"g-recaptcha\"></div></body>")));
    }

    @Test
    void anArticleWithoutADateIsPoor() {
        assertEquals(PageQuality.POOR, judge(HealthPages.article().replaceAll("<meta property=[^>]*>", "")));
    }

    @Test
    void aShortPageWithoutThoseWordsIsPoorNotBlocked() {
        assertEquals(PageQuality.POOR, judge("<html><head><title>Photos</title></head><body><p>Pictures of the week.</p></body></html>"));
    }

    @Test
    void aChallengeHeldAsUtf8BytesIsBlocked() {
        assertEquals(PageQuality.BLOCKED, judgeUtf8(HealthPages.challenge()));
    }

    @Test
    void theHeadSearchedForMarkersIsCountedInCharactersNotBytes() {
        // 40,000 two-byte characters: past 64 K in bytes, well inside the 64 K characters searched
        String padded = HealthPages.challenge().replace("<head>", "<head><!-- " + "\u00e9".repeat(40_000) + " -->");

        assertEquals(PageQuality.BLOCKED, judgeUtf8(padded));
    }
}
