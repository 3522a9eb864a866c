package io.newsflow.enrich.tag.person;

import java.util.Arrays;

/**
 * First-order Viterbi decoding over the model's scores: the best label sequence of a sentence
 * where transitions (including the ban on an I- label that continues nothing) are scored jointly,
 * so one early mistake does not cascade as it would in greedy decoding.
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

    private static final float FORBIDDEN = -1e30f;

    private Viterbi() {
    }

    static int[] decode(Features.Sentence s, Weights weights) {
        int n = s.length();
        int labels = Labels.COUNT;
        int[] out = new int[n];
        if (n == 0) {
            return out;
        }
        float[][] best = new float[n][labels];
        int[][] back = new int[n][labels];
        long[] buffer = new long[Features.MAX_STATIC];
        float[] emission = new float[labels];
        float[] transition = new float[labels];
        for (int i = 0; i < n; i++) {
            Arrays.fill(emission, 0f);
            int count = s.staticFeatures(i, buffer);
            for (int k = 0; k < count; k++) {
                weights.add(buffer[k], emission);
            }
            int previousLabels = i == 0 ? 1 : labels;
            Arrays.fill(best[i], FORBIDDEN);
            for (int p = 0; p < previousLabels; p++) {
                float base = i == 0 ? 0f : best[i - 1][p];
                if (base <= FORBIDDEN) {
                    continue;
                }
                Arrays.fill(transition, 0f);
                weights.addPrevious(p, transition);
                int t = Features.contextTransitionFeatures(s, i, p, buffer, 0);
                for (int k = 0; k < t; k++) {
                    weights.add(buffer[k], transition);
                }
                for (int l = 0; l < labels; l++) {
                    if (!Labels.allowed(p, l)) {
                        continue;
                    }
                    float score = base + emission[l] + transition[l];
                    if (score > best[i][l]) {
                        best[i][l] = score;
                        back[i][l] = p;
                    }
                }
            }
        }
        int label = 0;
        for (int l = 1; l < labels; l++) {
            if (best[n - 1][l] > best[n - 1][label]) {
                label = l;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            out[i] = label;
            label = back[i][label];
        }
        return out;
    }
}
