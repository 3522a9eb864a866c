package io.newsflow.enrich.tag.person;

import java.util.Arrays;

/**
 * The scores a token earns from its word alone, by looking each feature up in the weights: the
 * {@link Features.Sentence#wordFeatures word features} per label, then for every previous label
 * the word's {@link Features#contextTransitionFeatures transition features} per label. They are
 * the same wherever the word occurs, which is what lets {@link WordScoreCache} keep them. Holds a
 * buffer, so an instance belongs to one thread.
 */
final class WordScores implements Viterbi.WordScorer {

    static final int ROW = Labels.COUNT * (1 + Labels.COUNT);

    private final Viterbi.Weights weights;
    private final long[] features = new long[Features.MAX_STATIC];
    private final float[] scores = new float[Labels.COUNT];

    WordScores(Viterbi.Weights weights) {
        this.weights = weights;
    }

    @Override
    public void score(Features.Sentence s, int i, float[] out, int at) {
        // the row is one slice of word scores and one per previous label, each written whole
        writeSum(s.wordFeatures(i, features), out, at);
        for (int p = 0; p < Labels.COUNT; p++) {
            writeSum(Features.contextTransitionFeatures(s, i, p, features, 0), out, at + Labels.COUNT * (1 + p));
        }
    }

    /** Writes the per-label sum of the first {@code count} feature weights into {@code out} from {@code at}. */
    private void writeSum(int count, float[] out, int at) {
        Arrays.fill(scores, 0f);
        for (int k = 0; k < count; k++) {
            weights.add(features[k], scores);
        }
        System.arraycopy(scores, 0, out, at, Labels.COUNT);
    }
}
