package io.newsflow.enrich.tag.person;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ViterbiTest {

    private final Features features = new Features(new Lexicon(Map.of("John", Lexicon.FIRST, "Smith", Lexicon.LAST)));

    // weights that favour a different label per feature hash, so every sentence decodes differently
    private static final Viterbi.Weights WEIGHTS = (hash, scores) -> {
        scores[(int) Long.remainderUnsigned(hash, Labels.COUNT)] += (hash >>> 40) / 1e6f;
    };

    @Test
    void decoderReusedAcrossSentencesAgreesWithAFreshOne() {
        List<String[]> document = List.of(
                "John Smith met Mary Jones in Berlin on Friday , officials said .".split(" "),
                "Smith left .".split(" "),
                new String[0],
                "The Bank of America said it would cut jobs in New York and London .".split(" "));
        Features.DocumentCues cues = Features.DocumentCues.of(document, features.lexicon());
        Viterbi reused = new Viterbi(WEIGHTS);
        for (String[] words : document) {
            Features.Sentence s = features.sentence(words, cues);
            assertArrayEquals(new Viterbi(WEIGHTS).decode(s), reused.decode(s));
        }
    }

    @Test
    void decoderWithWordScoresCachedAgreesWithOneThatLooksEverythingUp() {
        // three times as many words as the cache has slots, each sentence twice: hits, misses and
        // words evicted by others in their slot
        Random random = new Random(7);
        String[] shapes = {"Xxxxx", "xxxx", "XX", "Xx-Xxxx", "dd", "xxxxxxxx"};
        List<String[]> document = new ArrayList<>();
        for (int s = 0; s < 3 * WordScoreCache.SLOTS / 10; s++) {
            String[] words = new String[10];
            for (int i = 0; i < words.length; i++) {
                words[i] = word(shapes[random.nextInt(shapes.length)], random);
            }
            document.add(words);
            document.add(words.clone());
        }
        document.add("John Smith said .".split(" "));
        Features.DocumentCues cues = Features.DocumentCues.of(document, features.lexicon());
        Viterbi cached = new Viterbi(WEIGHTS, new WordScoreCache(new WordScores(WEIGHTS)));
        Viterbi uncached = new Viterbi(WEIGHTS);
        for (String[] words : document) {
            Features.Sentence s = features.sentence(words, cues);
            assertArrayEquals(uncached.decode(s), cached.decode(s));
        }
    }

    private static String word(String shape, Random random) {
        StringBuilder b = new StringBuilder();
        for (char c : shape.toCharArray()) {
            switch (c) {
                case 'X' -> b.append((char) ('A' + random.nextInt(26)));
                case 'x' -> b.append((char) ('a' + random.nextInt(26)));
                case 'd' -> b.append((char) ('0' + random.nextInt(10)));
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
