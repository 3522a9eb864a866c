package io.newsflow.enrich.tag.person;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Map;
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
}
