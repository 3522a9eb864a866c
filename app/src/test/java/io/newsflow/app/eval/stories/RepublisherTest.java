package io.newsflow.app.eval.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.Extraction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RepublisherTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private Extraction original() throws IOException {
        try (InputStream in = RepublisherTest.class.getResourceAsStream("/pages/china-north-korea-climate.html")) {
            return extractor.extract(new String(in.readAllBytes(), StandardCharsets.UTF_8), "https://www.brookings.edu/a");
        }
    }

    @Test
    void copyKeepsTheBeginningCutsTheEndAddsACreditAndEditsTheLede() throws IOException {
        Extraction original = original();
        List<String> paragraphs = Arrays.asList(original.text().split("\n\n"));
        for (long seed = 0; seed < 20; seed++) {
            Republisher.Copy copy = new Republisher().republish(original.title(), paragraphs, "www.brookings.edu",
                    new SplittableRandom(seed));
            List<String> body = copy.paragraphs();
            boolean creditFirst = !body.get(0).contains(paragraphs.get(0).substring(20, 60));
            List<String> kept = creditFirst ? body.subList(1, body.size()) : body.subList(0, body.size() - 1);
            assertTrue(kept.size() <= paragraphs.size() && kept.size() >= paragraphs.size() * (1 - Republisher.MAX_CUT) - 1,
                    "at most a third of the paragraphs cut, seed " + seed);
            assertNotEquals(paragraphs.get(0), kept.get(0), "the lede is edited, seed " + seed);
            assertEquals(paragraphs.subList(1, kept.size()), kept.subList(1, kept.size()), "the rest is the original's");
            String republished = extractor.extract(copy.html(), "https://client.example/a").text();
            assertTrue(republished.contains(kept.get(kept.size() - 1)), "the copy's page extracts to its body, seed " + seed);
            assertTrue(!republished.contains("Most read") && !republished.contains("Leave a comment")
                    && !republished.contains("Related stories"), "the template's boilerplate is not body, seed " + seed);
        }
    }

    @Test
    void sameSeedMakesTheSameCopy() throws IOException {
        Extraction original = original();
        List<String> paragraphs = Arrays.asList(original.text().split("\n\n"));
        Republisher.Copy a = new Republisher().republish(original.title(), paragraphs, "h", new SplittableRandom(7));
        Republisher.Copy b = new Republisher().republish(original.title(), paragraphs, "h", new SplittableRandom(7));
        assertEquals(a, b);
    }

    @Test
    void headlineRewriteKeepsThePartBeforeASeparatorOrAddsAPrefix() {
        for (long seed = 0; seed < 20; seed++) {
            String headline = Republisher.rewriteHeadline("What to expect from Tillerson's visit: a long read",
                    new SplittableRandom(seed));
            assertTrue(headline.toLowerCase(java.util.Locale.ROOT).contains("what to expect from tillerson"), headline);
        }
    }
}
