package io.newsflow.app.eval.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AebScoreTest {

    @Test
    void identicalTextsScorePerfectAndExact() {
        AebScore.PageCounts c = AebScore.page("One two three four five.", "One, two three\n\nfour five");
        assertEquals(1.0, c.tp(), 1e-9);
        assertEquals(1.0, c.f1(), 1e-9);
        assertTrue(c.exact());
    }

    @Test
    void countsShinglesAsMultisetsNormalisedBySum() {
        // gold shingles: a b c d, b c d e; predicted: a b c d, b c d x -> tp 1, fp 1, fn 1
        AebScore.PageCounts c = AebScore.page("a b c d e", "a b c d x");
        assertEquals(1.0 / 3, c.tp(), 1e-9);
        assertEquals(1.0 / 3, c.fp(), 1e-9);
        assertEquals(1.0 / 3, c.fn(), 1e-9);
        assertFalse(c.exact());
    }

    @Test
    void shortTextsAreOneShingleAndEmptyTextsNone() {
        assertEquals(1.0, AebScore.page("just two", "just two").f1(), 1e-9);
        AebScore.PageCounts empty = AebScore.page("some gold words here", "");
        assertEquals(0.0, empty.tp(), 1e-9);
        assertEquals(1.0, empty.fn(), 1e-9);
    }

    @Test
    void tokensFollowPythonWordCharactersNotJavaOnes() {
        // Python's \w splits at combining marks (Devanagari vowel signs); Java's Unicode \w does not
        assertEquals(List.of("क", "त", "ब"), AebScore.tokens("किताब"));
        assertEquals(List.of("x²", "snake_case", "日本語"), AebScore.tokens("x² snake_case, 日本語!"));
    }

    @Test
    void corpusFiguresAreMeansOverPagesAndF1OfTheMeans() {
        AebScore score = new AebScore();
        score.add("a b c d e", "a b c d e");
        score.add("a b c d e", "a b c d x");
        score.add("a b c d e", "");
        AebScore.Score s = score.score();
        assertEquals(3, s.pages());
        assertEquals((1.0 + 0.5) / 2, s.precision(), 1e-9, "a page with nothing predicted has no precision");
        assertEquals((1.0 + 0.5 + 0.0) / 3, s.recall(), 1e-9);
        assertEquals(2 * s.precision() * s.recall() / (s.precision() + s.recall()), s.f1(), 1e-9);
        assertEquals(1.0 / 3, s.accuracy(), 1e-9);
    }
}
