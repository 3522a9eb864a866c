package io.newsflow.enrich.tag.person;

import java.util.HashMap;
import java.util.Map;

/**
 * Which entity types a word is often part of, learnt from training corpora that the sequence model
 * does not train on, so the model learns how far to trust the lexicon on words it has not seen.
 */
final class Lexicon {

    static final int FIRST = 1;
    static final int LAST = 2;
    static final int PERSON = 4;
    static final int LOCATION = 8;
    static final int ORGANISATION = 16;
    static final int MISC = 32;
    /** On a lower-case word: common in running text, so a capitalised sentence-initial form is no name. */
    static final int COMMON = 64;

    private final Map<String, Integer> bits;

    Lexicon(Map<String, Integer> bits) {
        this.bits = Map.copyOf(bits);
    }

    int bits(String word) {
        return bits.getOrDefault(word, 0);
    }

    boolean isCommon(String lowerCaseWord) {
        return (bits(lowerCaseWord) & COMMON) != 0;
    }

    Map<String, Integer> entries() {
        return bits;
    }

    /** Counts words inside and outside entity spans, then keeps the words that are mostly inside. */
    static final class Builder {

        private final Map<String, int[]> counts = new HashMap<>();
        private final Map<String, Integer> lowerCase = new HashMap<>();

        /** Counts the lower-case words of a sentence from any corpus. */
        void addWords(String[] words) {
            for (String w : words) {
                if (!w.isEmpty() && Character.isLowerCase(w.charAt(0))) {
                    lowerCase.merge(w, 1, Integer::sum);
                }
            }
        }

        void add(String[] words, int[] labels) {
            for (int i = 0; i < words.length; i++) {
                int[] c = counts.computeIfAbsent(words[i], w -> new int[7]);
                c[0]++;
                int label = labels[i];
                if (label == Labels.O) {
                    continue;
                }
                String type = Labels.type(label);
                switch (type) {
                    case "PER" -> {
                        c[3]++;
                        boolean first = !Labels.isInside(label);
                        boolean last = i + 1 >= labels.length || !Labels.isInside(labels[i + 1]);
                        if (first && !last) {
                            c[1]++;
                        }
                        if (last && !first) {
                            c[2]++;
                        }
                    }
                    case "LOC" -> c[4]++;
                    case "ORG" -> c[5]++;
                    default -> c[6]++;
                }
            }
        }

        Lexicon build() {
            Map<String, Integer> bits = new HashMap<>();
            int[] flags = {0, FIRST, LAST, PERSON, LOCATION, ORGANISATION, MISC};
            counts.forEach((word, c) -> {
                if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
                    return;
                }
                int b = 0;
                for (int k = 1; k < flags.length; k++) {
                    if (c[k] >= 2 && c[k] * 10 >= c[0] * 3) {
                        b |= flags[k];
                    }
                }
                if (b != 0) {
                    bits.put(word, b);
                }
            });
            lowerCase.forEach((word, n) -> {
                if (n >= 5) {
                    bits.put(word, COMMON);
                }
            });
            return new Lexicon(bits);
        }
    }
}
