package io.newsflow.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleExtractorTest {

    private static final String PARAGRAPHS = """
            <p>The council voted on Tuesday to rebuild the old bridge over the river, ending a debate that has
            divided the town for more than a decade, according to officials who attended the meeting.</p>
            <p>Work is expected to start next spring, and the mayor said the cost, estimated at twelve million,
            would be shared between the town, the region and a national infrastructure fund.</p>
            <p>Residents who opposed the plan, mostly from the east bank, said they would keep campaigning
            against it, arguing that a ferry would serve the town better and cost far less to run.</p>
            """;

    private final ArticleExtractor extractor = new ArticleExtractor();

    private static String page(String head, String articleInner) {
        return "<!DOCTYPE html><html lang=\"en\"><head>" + head + "</head><body>"
                + "<header><a href=\"/\">Town News</a><nav><a href=\"/a\">Home</a><a href=\"/b\">World</a></nav></header>"
                + "<main><article>" + articleInner + "</article></main>"
                + "<footer><p>Copyright 2024 Town News. All rights reserved.</p></footer></body></html>";
    }

    private Extraction extractBody(String articleInner) {
        return extractor.extract(page("<title>Bridge vote | Town News</title>", articleInner), "https://news.example/a");
    }

    private static String seedFixture() throws IOException {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream("/pages/china-north-korea-climate.html")) {
            assertNotNull(in, "fixture pages/china-north-korea-climate.html");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void seedPageKeepsTheWholeBodyAndDropsItsFurniture() throws IOException {
        Extraction e = extractor.extract(seedFixture(), "https://policy.example/commentary/china-north-korea-climate.html");
        String text = e.text();
        assertTrue(text.startsWith("The Trump administration has made commendable progress"), text);
        assertTrue(text.endsWith("The time for serious diplomacy is now."), text);
        assertTrue(text.contains("Kim Jong-un would not take the suicidal step"), text);
        for (String boilerplate : List.of("Sections", "Commentary", "REUTERS", "Editor's note", "Authors",
                "Related Content", "newsletter", "All rights reserved", "Foreign Policy")) {
            assertFalse(text.contains(boilerplate), boilerplate + " in:\n" + text);
        }
        assertEquals(12, text.split("\n\n").length, "one paragraph per <p>");
        assertEquals("How climate negotiations are a model for boosting China’s assistance on North Korea", e.title());
        assertEquals(List.of("Max Baucus", "Ryan Hass"), e.authors());
        assertEquals(Instant.parse("2017-10-05T09:00:00Z"), e.publishedAt());
        assertEquals("Commentary", e.section());
        assertEquals("en", e.language());
        assertEquals("https://policy.example/commentary/china-north-korea-climate.html", e.canonicalUrl());
        assertEquals("https://policy.example/img/tillerson-yang.jpg", e.image());
        assertTrue(e.isArticle());
    }

    @Test
    void blocksBecomeParagraphsNeverGluedTogether() {
        Extraction e = extractBody("<div><h2>How it started</h2>" + PARAGRAPHS
                + "<ul><li>First point of the plan</li><li>Second point of the plan</li></ul>"
                + "<div>A loose line<br>after a break</div></div>");
        List<String> paragraphs = List.of(e.text().split("\n\n"));
        assertEquals("How it started", paragraphs.get(0));
        assertTrue(paragraphs.contains("First point of the plan"), e.text());
        assertTrue(paragraphs.contains("Second point of the plan"), e.text());
        assertTrue(paragraphs.contains("A loose line"), e.text());
        assertTrue(paragraphs.contains("after a break"), e.text());
        assertFalse(e.text().contains("  "), "whitespace collapsed");
    }

    @Test
    void dropsCaptionsAndPhotoCredits() {
        Extraction e = extractBody("<figure><img src=\"a.jpg\"><figcaption>The old bridge at dusk.</figcaption></figure>"
                + "<div class=\"image-credit\">Jane Roe for Town News</div>"
                + PARAGRAPHS + "<p>A protester outside the hall. REUTERS/John Smith</p>");
        assertFalse(e.text().contains("old bridge at dusk"), e.text());
        assertFalse(e.text().contains("Jane Roe"), e.text());
        assertFalse(e.text().contains("REUTERS"), e.text());
        assertTrue(e.text().contains("The council voted on Tuesday"), e.text());
    }

    @Test
    void dropsShareWidgetsAndLabels() {
        Extraction e = extractBody("<div class=\"share-tools\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div>"
                + "<p>Sections</p><p>Advertisement</p>" + PARAGRAPHS + "<p>Share this article</p>");
        assertFalse(e.text().contains("Tweet"), e.text());
        assertFalse(e.text().contains("Sections"), e.text());
        assertFalse(e.text().contains("Advertisement"), e.text());
        assertFalse(e.text().contains("Share"), e.text());
    }

    @Test
    void dropsRelatedAndReadMoreBlocks() {
        Extraction e = extractBody(PARAGRAPHS
                + "<p>Read more: <a href=\"/x\">Ferry service returns after twenty years</a></p>"
                + "<div class=\"related-stories\"><h3>More stories</h3><p>The ferry that never came back to town</p></div>"
                + "<h3>Related</h3><ul><li>Council budget approved</li><li>Mayor re-elected</li></ul>"
                + "<p><strong>More Great Town Stories</strong></p><ul><li>The ferry is back, for now</li></ul>");
        assertFalse(e.text().contains("Read more"), e.text());
        assertFalse(e.text().contains("ferry that never came back"), e.text());
        assertFalse(e.text().contains("Council budget"), e.text());
        assertFalse(e.text().contains("The ferry is back"), e.text());
        assertTrue(e.text().endsWith("cost far less to run."), e.text());
    }

    @Test
    void dropsNewsletterBoxes() {
        Extraction e = extractBody(PARAGRAPHS
                + "<div class=\"newsletter-signup\"><p>Get the morning briefing, every weekday.</p></div>"
                + "<p>Sign up for our daily newsletter to get the news delivered to your inbox.</p>");
        assertFalse(e.text().contains("morning briefing"), e.text());
        assertFalse(e.text().contains("Sign up"), e.text());
    }

    @Test
    void dropsAuthorBiosAndAuthorsTrailer() {
        Extraction e = extractBody(PARAGRAPHS
                + "<div class=\"author-bio\"><p>Jane Roe covers local politics and has written for the paper since 2009.</p></div>"
                + "<h3>Authors</h3><ul><li><a href=\"/jane\">Jane Roe</a> Senior Reporter</li></ul>");
        assertFalse(e.text().contains("Jane Roe"), e.text());
        assertFalse(e.text().contains("Authors"), e.text());
    }

    @Test
    void dropsComments() {
        Extraction e = extractBody(PARAGRAPHS + "<section id=\"comments\"><h3>3 comments</h3>"
                + "<p>I have lived here forty years, and the bridge was always fine, whatever they say.</p></section>");
        assertFalse(e.text().contains("forty years"), e.text());
        assertFalse(e.text().contains("comments"), e.text());
    }

    @Test
    void dropsCookieAndPaywallNotices() {
        Extraction e = extractBody(PARAGRAPHS
                + "<p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p>"
                + "<p>Already a subscriber? Log in to continue reading.</p>");
        assertFalse(e.text().contains("cookies"), e.text());
        assertFalse(e.text().contains("subscriber"), e.text());
    }

    @Test
    void dropsHoverCardsInsideSentences() {
        Extraction e = extractBody("<p>The mayor, <a href=\"/p/ann\">Ann Lee</a><span class=\"rollover-people-block\">"
                + "<a href=\"/p/ann\">Ann Marie Lee</a> Mayor since 2019</span>, said the cost would be shared "
                + "between the town and the region, and that work could start in the spring.</p>" + PARAGRAPHS);
        assertTrue(e.text().startsWith("The mayor, Ann Lee, said the cost"), e.text());
    }

    @Test
    void dropsBylinesDatelinesAndTheRepeatedTitle() {
        String head = "<title>Council backs new bridge | Town News</title>";
        String inner = "<h1>Council backs new bridge</h1><p>By Jane Roe</p><p>March 4, 2024 10:30 am</p>" + PARAGRAPHS;
        Extraction e = extractor.extract(page(head, inner), "https://news.example/a");
        assertTrue(e.text().startsWith("The council voted on Tuesday"), e.text());
        assertEquals("Council backs new bridge", e.title());
    }

    @Test
    void titleLosesTheSiteName() {
        Extraction e = extractor.extract(page("<title>Council backs new bridge - Town News</title>"
                + "<meta property=\"og:site_name\" content=\"Town News\">", PARAGRAPHS), "https://news.example/a");
        assertEquals("Council backs new bridge", e.title());
    }

    @Test
    void metadataComesFromJsonLdFirst() {
        String head = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":"
                + "\"WebSite\",\"name\":\"Town News\"},{\"@type\":\"NewsArticle\",\"headline\":\"Bridge approved\","
                + "\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Roe\"}],\"datePublished\":\"2024-03-04T10:30:00+01:00\","
                + "\"dateModified\":\"2024-03-05T08:00:00Z\",\"articleSection\":\"Local\",\"image\":{\"url\":\"/b.jpg\"}}]}"
                + "</script><script>var published = \"1999-01-01T00:00:00Z\";</script>";
        Extraction e = extractor.extract(page(head, PARAGRAPHS), "https://news.example/a");
        assertEquals("Bridge approved", e.title());
        assertEquals(List.of("Jane Roe"), e.authors());
        assertEquals(Instant.parse("2024-03-04T09:30:00Z"), e.publishedAt());
        assertEquals(Instant.parse("2024-03-05T08:00:00Z"), e.modifiedAt());
        assertEquals("Local", e.section());
        assertEquals("https://news.example/b.jpg", e.image());
    }

    @Test
    void guessesTheLanguageWhenThePageDoesNotSayIt() {
        String html = "<html><body><article><p>Le conseil municipal a voté mardi la reconstruction du vieux pont sur "
                + "la rivière, mettant fin à un débat qui divise la ville depuis plus de dix ans, selon les élus qui "
                + "étaient présents à la réunion et qui ont salué une décision attendue par les habitants.</p>"
                + "<p>Les travaux devraient commencer au printemps prochain et le coût sera partagé entre la ville et "
                + "la région, a précisé le maire, qui espère une ouverture du pont dans trois ans.</p></article></body></html>";
        assertEquals("fr", extractor.extract(html, "").language());
    }

    @Test
    void keepsAnArticleSplitAcrossSiblingContainers() {
        String html = "<html><body><div class=\"layout\"><div class=\"story-part\">" + PARAGRAPHS + "</div>"
                + "<div class=\"ad-slot\">Advertisement</div><div class=\"story-part-two\">"
                + "<p>The regional government has not yet said when its share of the money, which requires a vote of "
                + "its own assembly, will be released, and officials declined to give a date on Wednesday.</p>"
                + "<p>A public consultation on the design, including a lane for bicycles, will open in January and run "
                + "for six weeks, the council said, with the results published before the summer.</p></div>"
                + "<div class=\"sidebar\"><a href=\"/1\">Most read</a><a href=\"/2\">Weather</a></div></div></body></html>";
        Extraction e = extractor.extract(html, "");
        assertTrue(e.text().contains("The council voted on Tuesday"), e.text());
        assertTrue(e.text().contains("public consultation on the design"), e.text());
        assertFalse(e.text().contains("Advertisement"), e.text());
        assertFalse(e.text().contains("Weather"), e.text());
    }

    @Test
    void neverThrowsOnBrokenOrHostileMarkup() {
        String deep = "<div>".repeat(5000) + PARAGRAPHS + "</div>".repeat(10);
        String badMetadata = "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
                + "\"datePublished\": \"2019-02-30T25:61:00Z\", \"author\": {\"name\": [1, 2]}, [[[</script>"
                + "<meta property=\"article:published_time\" content=\"yesterday\">"
                + "<link rel=\"canonical\" href=\"http://[::1:bad\"></head><body><article>" + PARAGRAPHS
                + "<time datetime=\"13/45/2019\">then</time></article></body></html>";
        for (String html : List.of(deep, badMetadata, "\u0000\uffff<p>\ud800</p>", PARAGRAPHS.repeat(200))) {
            Extraction e = extractor.extract(html, "::not a url::");
            assertNotNull(e.text());
        }
        assertTrue(extractor.extract(deep, "").text().contains("The council voted"));
        assertEquals(null, extractor.extract(badMetadata, "").publishedAt());
    }

    @Test
    void nonArticlePagesYieldAnEmptyTextAndAReason() {
        for (String html : List.of("", "<html><body><nav><a href=\"/\">Home</a></nav></body></html>",
                "<<<>>> not html at all </div></p><p><b", "<html><body><ul><li><a href=\"/a\">One story</a></li>"
                        + "<li><a href=\"/b\">Another story</a></li></ul></body></html>")) {
            Extraction e = extractor.extract(html, "not a url");
            assertEquals("", e.text(), html);
            assertFalse(e.isArticle());
            assertNotNull(e.reason(), html);
        }
    }
}
