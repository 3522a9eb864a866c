package io.newsflow.app.eval.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The metric of the public article-extraction-benchmark ({@code evaluate.py}), as ported in
 * {@code shared/tools/aeb_score.py}: {@code \w+} tokens (Python's \w: letters, numbers, underscore),
 * 4-token shingles as multisets, per-page tp/fp/fn normalised by their sum, corpus precision and
 * recall as means over pages and F1 as the harmonic mean of those two means. Numbers must match
 * the reference to 3 decimals.
 */
final class AebScore {

    private static final int SHINGLE = 4;

    private final List<PageCounts> pages = new ArrayList<>();

    /** One page's normalised true positives, false positives and false negatives. */
    public record PageCounts(double tp, double fp, double fn, boolean exact) {

        double precision() {
            if (fp == 0 && fn == 0) {
                return 1.0;
            }
            if (tp == 0 && fp == 0) {
                return 0.0;
            }
            return tp / (tp + fp);
        }

        double recall() {
            if (fp == 0 && fn == 0) {
                return 1.0;
            }
            if (tp == 0 && fn == 0) {
                return 0.0;
            }
            return tp / (tp + fn);
        }

        /** The page's own F1, for ranking the worst pages. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** Corpus figures over all pages added so far. */
    public record Score(int pages, double precision, double recall, double f1, double accuracy) {
    }

    /** Scores one page and adds it to the corpus. */
    public PageCounts add(String gold, String predicted) {
        PageCounts counts = page(gold, predicted);
        pages.add(counts);
        return counts;
    }

    public Score score() {
        double precisionSum = 0;
        int precisionPages = 0;
        double recallSum = 0;
        int recallPages = 0;
        int exact = 0;
        for (PageCounts c : pages) {
            if (c.tp + c.fp > 0) {
                precisionSum += c.precision();
                precisionPages++;
            }
            if (c.tp + c.fn > 0) {
                recallSum += c.recall();
                recallPages++;
            }
            if (c.exact) {
                exact++;
            }
        }
        double p = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        double r = recallPages == 0 ? 0 : recallSum / recallPages;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new Score(pages.size(), p, r, f1, pages.isEmpty() ? 0 : (double) exact / pages.size());
    }

    /** Scores one page without adding it. */
    public static PageCounts page(String gold, String predicted) {
        List<String> goldTokens = tokens(gold);
        List<String> predTokens = tokens(predicted);
        Map<List<String>, Integer> g = shingles(goldTokens);
        Map<List<String>, Integer> p = shingles(predTokens);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (Map.Entry<List<String>, Integer> e : g.entrySet()) {
            int a = e.getValue();
            int b = p.getOrDefault(e.getKey(), 0);
            tp += Math.min(a, b);
            fn += Math.max(0, a - b);
        }
        for (Map.Entry<List<String>, Integer> e : p.entrySet()) {
            fp += Math.max(0, e.getValue() - g.getOrDefault(e.getKey(), 0));
        }
        double sum = tp + fp + fn;
        if (sum > 0) {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }
        return new PageCounts(tp, fp, fn, goldTokens.equals(predTokens));
    }

    // Python's str \\w: letters, numbers of any kind and '_' (not combining marks, unlike Java's \\w)
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean word = isWordChar(cp);
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        if (cp == '_') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    // a text shorter than a shingle is one (short) shingle, an empty text none, as in the reference
    private static Map<List<String>, Integer> shingles(List<String> tokens) {
        Map<List<String>, Integer> out = new HashMap<>();
        int last = Math.max(1, tokens.size() - SHINGLE + 1);
        for (int i = 0; i < last; i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + SHINGLE));
            if (!shingle.isEmpty()) {
                out.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return out;
    }
}
