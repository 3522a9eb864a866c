package io.newsflow.enrich.story;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StorySignerTest {

    private final StorySigner signer = new StorySigner();

    @Test
    void caseQuotesAndLayoutDoNotChangeTheSignature() {
        Signature a = signer.sign("The board voted on Monday to close the terminal.\n\nIt will reopen in 2027.");
        Signature b = signer.sign("THE BOARD “voted” on Monday -- to close the terminal... it will reopen in 2027");
        assertEquals(a, b);
        assertEquals(1.0, a.overlap(b));
    }

    @Test
    void textShorterThanOneShingleHasNoSignature() {
        assertNull(signer.sign("Four words only here."));
        assertNull(signer.sign(""));
        assertNotNull(signer.sign("Five words are just enough."));
    }

    @Test
    void overlapEstimatesTheJaccardSimilarityOfShingles() {
        List<String> words = randomWords(400, 7);
        // keep the first 300 words: 296 of the 396 shingles are shared, Jaccard 296/396 = 0.75
        Signature whole = signer.sign(String.join(" ", words));
        Signature cut = signer.sign(String.join(" ", words.subList(0, 300)));
        double exact = jaccard(words, words.subList(0, 300));
        assertEquals(0.747, exact, 0.001);
        assertEquals(exact, whole.overlap(cut), 0.12, "120 hashes estimate within a few standard deviations");
        assertTrue(whole.sharesBand(cut));
        Signature unrelated = signer.sign(String.join(" ", randomWords(400, 8)));
        assertTrue(whole.overlap(unrelated) < 0.05, "overlap " + whole.overlap(unrelated));
        assertFalse(whole.sharesBand(unrelated));
    }

    @Test
    void bandKeysAreFixedWidthAndAgreeWhereTheSignaturesDo() {
        List<String> words = randomWords(300, 11);
        Signature a = signer.sign(String.join(" ", words));
        Signature b = signer.sign(String.join(" ", words.subList(0, 250)));
        String[] ka = a.bandKeys();
        String[] kb = b.bandKeys();
        assertEquals(StorySigner.BANDS, ka.length);
        int shared = 0;
        for (int band = 0; band < StorySigner.BANDS; band++) {
            assertEquals(18, ka[band].length(), ka[band]);
            assertEquals(String.format("%02x", band), ka[band].substring(0, 2));
            if (ka[band].equals(kb[band])) {
                shared++;
            }
        }
        assertTrue(shared > 0);
        assertEquals(a.sharesBand(b), shared > 0);
    }

    @Test
    void signatureSurvivesTheStoreSerde() {
        Signature a = signer.sign(String.join(" ", randomWords(50, 3)));
        StoryEntry entry = new StoryEntry("0123456789abcdef0123456789abcdef", 0.5, a, 1234L);
        StoryEntrySerde serde = new StoryEntrySerde();
        StoryEntry read = serde.deserializer().deserialize("t", serde.serializer().serialize("t", entry));
        assertEquals(entry, read);
        assertArrayEquals(a.hashes(), read.signature().hashes());
        StoryEntry first = new StoryEntry("0123456789abcdef0123456789abcdef", null, a, -5L);
        assertEquals(first, serde.deserializer().deserialize("t", serde.serializer().serialize("t", first)));
        assertThrows(SerializationException.class, () -> serde.deserializer().deserialize("t", new byte[] {2, 0}));
    }

    @Test
    void bandListsKeepTheNewestIdsAndDropOnlyTheOneRemoved() {
        assertEquals("a", StoryIndex.appended(null, "a"));
        assertEquals("a,b", StoryIndex.appended("a", "b"));
        String full = String.join(",", java.util.stream.IntStream.range(0, StoryIndex.MAX_BAND_IDS).mapToObj(i -> "i" + i).toList());
        String next = StoryIndex.appended(full, "new");
        assertEquals(StoryIndex.MAX_BAND_IDS, next.split(",").length);
        assertTrue(next.startsWith("i1,") && next.endsWith(",new"), next);
        assertEquals("a,c", StoryIndex.without("a,b,c", "b"));
        assertNull(StoryIndex.without("b", "b"));
    }

    @Test
    void signatureOfWrongLengthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Signature(new int[3]));
    }

    private static List<String> randomWords(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(String.format(Locale.ROOT, "w%05d", random.nextInt(100_000)));
        }
        return words;
    }

    private static double jaccard(List<String> a, List<String> b) {
        Set<List<String>> sa = shingles(a);
        Set<List<String>> sb = shingles(b);
        Set<List<String>> union = new LinkedHashSet<>(sa);
        union.addAll(sb);
        sa.retainAll(sb);
        return sa.size() / (double) union.size();
    }

    private static Set<List<String>> shingles(List<String> words) {
        Set<List<String>> shingles = new LinkedHashSet<>();
        for (int i = 0; i + StorySigner.SHINGLE <= words.size(); i++) {
            shingles.add(List.copyOf(words.subList(i, i + StorySigner.SHINGLE)));
        }
        return shingles;
    }
}
