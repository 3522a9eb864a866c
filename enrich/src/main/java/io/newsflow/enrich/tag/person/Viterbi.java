package io.newsflow.enrich.tag.person;

import java.util.Arrays;

/**
 * First-order Viterbi decoding over the model's scores: the best label sequence of a sentence
 * where transitions (including the ban on an I- label that continues nothing) are scored jointly,
 * so one early mistake does not cascade as it would in greedy decoding. An instance keeps its
 * buffers from sentence to sentence, so it belongs to one thread.
 */
final class Viterbi {

    /** Adds the weight row of a feature hash, if the model knows it, to per-label scores. */
    interface Weights {
        void add(long hash, float[] scores);

        /** Adds the weights of the previous-label feature; a fixed model answers from a table. */
        default void addPrevious(int previous, float[] scores) {
            add(Features.previousLabelFeature(previous), scores);
        }
    }

    /** Writes a token's {@link WordScores} ({@value WordScores#ROW} floats) into {@code out} from {@code at}. */
    interface WordScorer {
        void score(Features.Sentence s, int i, float[] out, int at);
    }

    private static final float FORBIDDEN = -1e30f;
    private static final int LABELS = Labels.COUNT;

    private final Weights weights;
    private final WordScorer words;
    private final long[] features = new long[Features.MAX_STATIC];
    private final float[] word = new float[WordScores.ROW];
    private final float[] emission = new float[LABELS];
    private final float[] transition = new float[LABELS];
    // per token and label: the best score of a path ending there, and the label before it
    private float[] best = new float[0];
    private int[] back = new int[0];

    /** A decoder that looks every feature up, as training needs while the weights change. */
    Viterbi(Weights weights) {
        this(weights, new WordScores(weights));
    }

    Viterbi(Weights weights, WordScorer words) {
        this.weights = weights;
        this.words = words;
    }

    int[] decode(Features.Sentence s) {
        int n = s.length();
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        if (best.length < n * LABELS) {
            best = new float[n * LABELS];
            back = new int[n * LABELS];
        }
        for (int i = 0; i < n; i++) {
            scoreEmission(s, i);
            int at = i * LABELS;
            Arrays.fill(best, at, at + LABELS, FORBIDDEN);
            // a label that no path reaches points back to O, as in a fresh array
            Arrays.fill(back, at, at + LABELS, 0);
            int previousLabels = i == 0 ? 1 : LABELS;
            for (int p = 0; p < previousLabels; p++) {
                float base = i == 0 ? 0f : best[at - LABELS + p];
                if (base <= FORBIDDEN) {
                    continue;
                }
                Arrays.fill(transition, 0f);
                weights.addPrevious(p, transition);
                int wordTransition = LABELS * (1 + p);
                for (int l = 0; l < LABELS; l++) {
                    transition[l] += word[wordTransition + l];
                }
                for (int l = 0; l < LABELS; l++) {
                    if (!Labels.allowed(p, l)) {
                        continue;
                    }
                    float score = base + emission[l] + transition[l];
                    if (score > best[at + l]) {
                        best[at + l] = score;
                        back[at + l] = p;
                    }
                }
            }
        }
        int last = (n - 1) * LABELS;
        int label = 0;
        for (int l = 1; l < LABELS; l++) {
            if (best[last + l] > best[last + label]) {
                label = l;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            out[i] = label;
            label = back[i * LABELS + label];
        }
        return out;
    }

    private void scoreEmission(Features.Sentence s, int i) {
        words.score(s, i, word, 0);
        System.arraycopy(word, 0, emission, 0, LABELS);
        int count = s.placeFeatures(i, features, 0);
        for (int k = 0; k < count; k++) {
            weights.add(features[k], emission);
        }
    }
}
