package io.newsflow.enrich.tag.person;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The feature templates of the sequence model: the word and its neighbours, shape, affixes,
 * capitalisation, position, lexicon membership and document-level cues (is the word also written
 * in lower case elsewhere; does an all-capitals headline word appear in title case elsewhere; does
 * it follow a known first name or precede a known surname elsewhere). Everything per token is
 * computed once per sentence; templates hash without allocating.
 */
final class Features {

    static final int MAX_STATIC = 48;

    private static final long BOUNDARY = Hash.of("<s>");

    private final Lexicon lexicon;

    Features(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    /**
     * Words a document writes in lower case, in title case away from a sentence start, right after a
     * known first name ("Rex Tillerson" makes every "Tillerson" look like a surname) and right before
     * a known surname.
     */
    record DocumentCues(Set<String> lowerCase, Set<String> titleCase, Set<String> afterName,
            Set<String> beforeName) {

        static DocumentCues of(List<String[]> sentences, Lexicon lexicon) {
            Set<String> lower = new HashSet<>();
            Set<String> title = new HashSet<>();
            Set<String> afterName = new HashSet<>();
            Set<String> beforeName = new HashSet<>();
            for (String[] words : sentences) {
                for (int i = 0; i < words.length; i++) {
                    String w = words[i];
                    if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                        if (i > 0 && (lexicon.bits(words[i - 1]) & Lexicon.FIRST) != 0) {
                            afterName.add(w);
                        }
                        if (i + 1 < words.length && (lexicon.bits(words[i + 1]) & Lexicon.LAST) != 0) {
                            beforeName.add(w);
                        }
                    }
                    if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
                        continue;
                    }
                    if (Character.isLowerCase(w.charAt(0))) {
                        lower.add(w);
                    } else if (i > 0 && w.length() > 1 && Character.isLowerCase(w.charAt(1))) {
                        title.add(w.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return new DocumentCues(lower, title, afterName, beforeName);
        }
    }

    /** One sentence prepared for feature extraction. */
    final class Sentence {

        final String[] words;
        final String[] lower;
        final long[] wordHash;
        final long[] lowerHash;
        final long[] shapeHash;
        final long[] shortShapeHash;
        // the token's half of each transition feature, the same for every previous label
        final long[] finishedLowerHash;
        final long[] finishedShortShapeHash;
        final int[] lexiconBits;
        final int[] flags;
        final boolean headline;

        Sentence(String[] words, DocumentCues cues) {
            int n = words.length;
            this.words = words;
            lower = new String[n];
            wordHash = new long[n];
            lowerHash = new long[n];
            shapeHash = new long[n];
            shortShapeHash = new long[n];
            finishedLowerHash = new long[n];
            finishedShortShapeHash = new long[n];
            lexiconBits = new int[n];
            flags = new int[n];
            int letters = 0;
            int upper = 0;
            for (int i = 0; i < n; i++) {
                String w = words[i];
                lower[i] = w.toLowerCase(Locale.ROOT);
                wordHash[i] = Hash.of(w);
                lowerHash[i] = Hash.of(lower[i]);
                shapeHash[i] = shape(w, false);
                shortShapeHash[i] = shape(w, true);
                finishedLowerHash[i] = Hash.finish(lowerHash[i]);
                finishedShortShapeHash[i] = Hash.finish(shortShapeHash[i]);
                lexiconBits[i] = lexicon.bits(w) & ~Lexicon.COMMON;
                for (int k = 0; k < w.length(); k++) {
                    char c = w.charAt(k);
                    if (Character.isLetter(c)) {
                        letters++;
                        if (Character.isUpperCase(c)) {
                            upper++;
                        }
                    }
                }
            }
            headline = letters > 8 && upper * 10 >= letters * 8;
            for (int i = 0; i < n; i++) {
                String w = words[i];
                int f = 0;
                if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                    f |= 1;
                    if (cues.lowerCase().contains(lower[i])) {
                        f |= 2;
                    }
                    if (headline && cues.titleCase().contains(lower[i])) {
                        f |= 4;
                    }
                }
                if (cues.afterName().contains(w)) {
                    f |= 8;
                }
                if (cues.beforeName().contains(w)) {
                    f |= 16;
                }
                flags[i] = f;
            }
        }

        int length() {
            return words.length;
        }

        private long word(int i) {
            return i < 0 || i >= words.length ? BOUNDARY : lowerHash[i];
        }

        private long shortShape(int i) {
            return i < 0 || i >= words.length ? BOUNDARY : shortShapeHash[i];
        }

        private int lex(int i) {
            return i < 0 || i >= words.length ? -1 : lexiconBits[i];
        }

        /** Writes the hashes of the features that do not depend on earlier labels; returns their count. */
        int staticFeatures(int i, long[] out) {
            int k = wordFeatures(i, out);
            return k + placeFeatures(i, out, k);
        }

        /**
         * Writes the hashes of the features of the word alone (its forms, affixes, shapes, lexicon
         * entry and length): the same wherever the word occurs, so a fixed model can keep their
         * scores by word. Returns their count.
         */
        int wordFeatures(int i, long[] out) {
            int k = 0;
            String low = lower[i];
            int len = low.length();
            out[k++] = Hash.feature(0, 0);
            out[k++] = Hash.feature(1, wordHash[i]);
            out[k++] = Hash.feature(2, lowerHash[i]);
            for (int a = 1; a <= 4 && a < len; a++) {
                out[k++] = Hash.feature(3 + a, Hash.of(low, 0, a));
                out[k++] = Hash.feature(8 + a, Hash.of(low, len - a, len));
            }
            out[k++] = Hash.feature(13, shapeHash[i]);
            out[k++] = Hash.feature(14, shortShapeHash[i]);
            out[k++] = Hash.feature(27, lex(i));
            out[k++] = Hash.feature(35, Math.min(len, 12), shortShapeHash[i]);
            return k;
        }

        /**
         * Writes, from {@code at}, the hashes of the features of the word's place: its position,
         * neighbours, the document's cues and the headline. Returns their count.
         */
        int placeFeatures(int i, long[] out, int at) {
            int k = at;
            out[k++] = Hash.feature(15, i == 0 ? 1 : 0, shortShapeHash[i]);
            out[k++] = Hash.feature(16, word(i - 1));
            out[k++] = Hash.feature(17, word(i + 1));
            out[k++] = Hash.feature(18, word(i - 2));
            out[k++] = Hash.feature(19, word(i + 2));
            out[k++] = Hash.feature(20, shortShape(i - 1));
            out[k++] = Hash.feature(21, shortShape(i + 1));
            out[k++] = Hash.feature(22, shortShape(i - 1), shortShapeHash[i], shortShape(i + 1));
            out[k++] = Hash.feature(23, word(i - 1), lowerHash[i]);
            out[k++] = Hash.feature(24, lowerHash[i], word(i + 1));
            out[k++] = Hash.feature(25, word(i - 1), shortShapeHash[i]);
            out[k++] = Hash.feature(26, shortShapeHash[i], word(i + 1));
            out[k++] = Hash.feature(28, lex(i - 1));
            out[k++] = Hash.feature(29, lex(i + 1));
            out[k++] = Hash.feature(30, lex(i - 1), lex(i), lex(i + 1));
            out[k++] = Hash.feature(31, flags[i], headline ? 1 : 0);
            out[k++] = Hash.feature(32, flags[i], shortShapeHash[i]);
            if (headline) {
                out[k++] = Hash.feature(33, lowerHash[i]);
                out[k++] = Hash.feature(34, lex(i), flags[i]);
            }
            return k - at;
        }
    }

    Sentence sentence(String[] words, DocumentCues cues) {
        return new Sentence(words, cues);
    }

    /** Features joining the label of the previous token with the current token. */
    static int transitionFeatures(Sentence s, int i, int previous, long[] out, int at) {
        out[at] = previousLabelFeature(previous);
        return 1 + contextTransitionFeatures(s, i, previous, out, at + 1);
    }

    static long previousLabelFeature(int previous) {
        return Hash.feature(40, previous);
    }

    /** The transition features that also depend on the current token. */
    static int contextTransitionFeatures(Sentence s, int i, int previous, long[] out, int at) {
        out[at] = Hash.featureWithFinished(42, previous, s.finishedLowerHash[i]);
        out[at + 1] = Hash.featureWithFinished(43, previous, s.finishedShortShapeHash[i]);
        return 2;
    }

    private static long shape(String w, boolean collapse) {
        long h = 0xcbf29ce484222325L;
        char last = 0;
        int length = 0;
        for (int i = 0; i < w.length() && length < 16; i++) {
            char c = w.charAt(i);
            char s;
            if (Character.isUpperCase(c)) {
                s = 'X';
            } else if (Character.isLowerCase(c)) {
                s = 'x';
            } else if (Character.isDigit(c)) {
                s = 'd';
            } else if (Character.isLetter(c)) {
                s = 'l';
            } else {
                s = c;
            }
            if (collapse && s == last) {
                continue;
            }
            h = (h ^ s) * 0x100000001b3L;
            last = s;
            length++;
        }
        return h;
    }
}
