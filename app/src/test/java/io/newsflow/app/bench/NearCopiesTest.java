package io.newsflow.app.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.story.Signature;
import io.newsflow.enrich.story.StorySigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NearCopiesTest {

    @Test
    void firstRoundIsThePagesThemselves() {
        NearCopies pages = new NearCopies(List.of("<p>a</p>", "<p>b</p>"));

        assertEquals("<p>a</p>", pages.html(0));
        assertEquals("<p>b</p>", pages.html(1));
    }

    @Test
    void laterRoundsAddASentenceOfTheirOwnToTheLongestParagraph() {
        NearCopies pages = new NearCopies(List.of("<div><p class=x>short</p><P>the longest <b>one</b></P><p>mid one</p></div>"));

        assertEquals("<div><p class=x>short</p><P>the longest <b>one</b> " + NearCopies.sentence(3) + "</P><p>mid one</p></div>",
                pages.html(3));
        assertNotEquals(pages.html(3), pages.html(4));
    }

    @Test
    void theSiteServesEachPageAsItsUtf8Encoding() throws IOException {
        NearCopies pages = new NearCopies(List.of("<p>Zürich – “ça va” 東京</p><p>x</p>", "<div>no paragraph €</div>"));

        for (int page = 0; page < 6; page++) {
            NearCopies.Utf8Page body = pages.utf8(page);
            ByteArrayOutputStream served = new ByteArrayOutputStream();
            body.writeTo(served);
            byte[] expected = pages.html(page).getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(expected, served.toByteArray(), "page " + page);
            assertEquals(expected.length, body.length(), "page " + page);
        }
    }

    @Test
    void pageWithoutParagraphsGetsTheSentenceAtTheEnd() {
        assertEquals("<div>text</div> " + NearCopies.sentence(1), new NearCopies(List.of("<div>text</div>")).html(1));
    }

    @Test
    void copiesOfARealPageAreNearDuplicatesNotExactOnes() throws IOException {
        NearCopies pages = new NearCopies(List.of(fixture("ports.html"), fixture("arctic.html")));
        StorySigner signer = new StorySigner();
        ArticleExtractor extractor = new ArticleExtractor();
        Signature original = signer.sign(extractor.extract(pages.html(0), "http://127.0.0.1/p/0.html").text());

        for (int copy : new int[] {2, 4}) {
            String text = extractor.extract(pages.html(copy), "http://127.0.0.1/p/" + copy + ".html").text();
            assertTrue(text.contains(NearCopies.sentence(copy)), "the sentence is in the article's text");
            double overlap = signer.sign(text).overlap(original);
            assertTrue(overlap < 1.0 && overlap >= 0.4, "a copy the story step confirms on its costly path: " + overlap);
        }
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = NearCopiesTest.class.getResourceAsStream("/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
