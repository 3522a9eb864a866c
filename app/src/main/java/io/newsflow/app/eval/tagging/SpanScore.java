package io.newsflow.app.eval.tagging;

import io.newsflow.core.json.Decimals;

/** Counts of true positives, predictions and gold items, and the figures they give. */
final class SpanScore {

    private long correctPredicted;
    private long predicted;
    private long goldFound;
    private long gold;

    void add(long correct, long predicted, long gold) {
        addSeparately(correct, predicted, correct, gold);
    }

    /** For overlap matching, where right predictions and found gold items may differ in number. */
    void addSeparately(long correctPredicted, long predicted, long goldFound, long gold) {
        this.correctPredicted += correctPredicted;
        this.predicted += predicted;
        this.goldFound += goldFound;
        this.gold += gold;
    }

    double precision() {
        return predicted == 0 ? 0 : (double) correctPredicted / predicted;
    }

    double recall() {
        return gold == 0 ? 0 : (double) goldFound / gold;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static double round(double value) {
        return Decimals.round(value, 4);
    }
}
