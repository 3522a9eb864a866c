package io.newsflow.core.json;

/** Figures for the one-line JSON outputs, cut to the decimals that mean something. */
public final class Decimals {

    private Decimals() {
    }

    /** {@code value} rounded half up to {@code places} decimals. */
    public static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
