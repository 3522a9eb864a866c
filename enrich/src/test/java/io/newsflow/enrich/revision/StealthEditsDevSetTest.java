package io.newsflow.enrich.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.ArticleSnapshot;
import io.newsflow.enrich.DevSet;
import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.Extraction;
import io.newsflow.enrich.extract.HtmlPages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Stealth-edit detection on real news pages (the public extraction dev set), as the revisions step
 * decides it: a new version is a revision only when the extracted title, byline, publication time
 * or paragraphs differ. Each page is rendered twice with what changes between two fetches of an
 * unedited page (a timestamp and nonce script, another ad, another "Trending now" list of links):
 * that must publish nothing. Then a sentence is added to its last paragraph, as a quiet correction
 * would be: that must be a revision. Prints the figures docs/signals.md gives.
 */
class StealthEditsDevSetTest {

    private static final List<String> TRENDING = List.of("Storm closes schools across the region",
            "Council approves new budget after long debate", "Star striker signs four-year deal",
            "Prices at the pump fall for a third week", "Museum reopens after two-year renovation",
            "Police appeal for witnesses after crash", "Five things to watch this weekend", "Local bakery wins national award");
    private static final String CORRECTION = " Correction: an earlier version of this article misstated the date of the vote.";

    @Test
    void rerenderedPagesPublishNothingAndAnAddedSentenceIsARevision() throws IOException {
        Path dev = DevSet.require();
        Map<String, String> pages = HtmlPages.read(dev.resolve("html"));
        ArticleExtractor extractor = new ArticleExtractor();
        int articles = 0;
        List<String> falseRevisions = new ArrayList<>();
        int editable = 0;
        List<String> missedEdits = new ArrayList<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String url = "https://example.org/" + page.getKey();
            Extraction first = extractor.extract(rendered(page.getValue(), 1), url);
            if (!first.isArticle()) {
                continue;
            }
            articles++;
            ArticleSnapshot before = snapshot(first);
            if (!before.sameContent(snapshot(extractor.extract(rendered(page.getValue(), 2), url)))) {
                falseRevisions.add(page.getKey());
            }
            String edited = withCorrection(rendered(page.getValue(), 2), before);
            if (edited != null) {
                editable++;
                if (before.sameContent(snapshot(extractor.extract(edited, url)))) {
                    missedEdits.add(page.getKey());
                }
            }
        }
        System.out.printf(Locale.ROOT, "stealth edits on %d dev pages: %d articles; re-rendered: %d published a revision %s;"
                + " a sentence added to the last paragraph of %d: %d missed %s%n", pages.size(), articles,
                falseRevisions.size(), falseRevisions, editable, missedEdits.size(), missedEdits);
        assertEquals(List.of(), falseRevisions, "unedited pages whose re-render would publish a revision");
        assertTrue(editable >= articles * 3 / 4, "a sentence could be added to " + editable + " of " + articles);
        assertEquals(List.of(), missedEdits, "added sentences not seen as a revision");
    }

    /** The page as fetch {@code n} would see it: its own timestamp script, ad and "Trending now" list. */
    static String rendered(String html, int n) {
        String head = "<script>window.renderedAt = \"2026-12-06T0" + n + ":00:00Z\"; window.nonce = \"r" + n * 7919
                + "\";</script>";
        String ad = "<!-- edge " + n + " --><div class=\"ad-slot\" id=\"ad-" + n + "\"><a href=\"https://ads.example.com/click?c=" + n
                + "\"><img src=\"https://ads.example.com/creative/" + n + ".jpg\" alt=\"Advertisement\"></a></div>";
        StringBuilder trending = new StringBuilder("<aside class=\"trending\"><h3>Trending now</h3><ul>");
        for (int i = 0; i < 5; i++) {
            String title = TRENDING.get((n * 3 + i) % TRENDING.size());
            trending.append("<li><a href=\"/trending/").append(n).append('-').append(i).append("\">").append(title).append("</a></li>");
        }
        trending.append("</ul></aside>");
        String page = insertBefore(html, "</head>", head);
        int body = indexOfIgnoreCase(page, "<body");
        int bodyOpen = body < 0 ? -1 : page.indexOf('>', body);
        page = bodyOpen < 0 ? ad + page : page.substring(0, bodyOpen + 1) + ad + page.substring(bodyOpen + 1);
        return insertBefore(page, "</body>", trending.toString());
    }

    /**
     * The page with {@link #CORRECTION} after its last paragraph's closing words wherever they occur,
     * when the page has them verbatim after the start of its body; null where it does not (markup or
     * entities inside them).
     */
    static @Nullable String withCorrection(String html, ArticleSnapshot article) {
        List<String> paragraphs = article.paragraphs();
        String last = paragraphs.get(paragraphs.size() - 1).strip();
        String ending = last.substring(Math.max(0, last.length() - 24));
        int body = Math.max(0, indexOfIgnoreCase(html, "<body"));
        if (ending.length() < 8 || html.indexOf(ending, body) < 0) {
            return null;
        }
        // everywhere: a CMS edit changes the structured data (JSON-LD articleBody) with the paragraph
        return html.replace(ending, ending + CORRECTION);
    }

    private static ArticleSnapshot snapshot(Extraction extraction) {
        return new ArticleSnapshot(1, Instant.EPOCH, extraction.title(), extraction.authors(), extraction.publishedAt(),
                extraction.modifiedAt(), ArticleSnapshot.paragraphs(extraction.text()));
    }

    private static String insertBefore(String html, String tag, String insert) {
        int at = indexOfIgnoreCase(html, tag);
        return at < 0 ? html + insert : html.substring(0, at) + insert + html.substring(at);
    }

    private static int indexOfIgnoreCase(String html, String tag) {
        return html.toLowerCase(Locale.ROOT).indexOf(tag);
    }
}
