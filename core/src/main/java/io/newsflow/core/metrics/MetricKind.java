package io.newsflow.core.metrics;

import io.micrometer.core.instrument.Meter;

/** The kinds of meter the catalogue knows, each with the Micrometer type it registers as. */
public enum MetricKind {
    COUNTER(Meter.Type.COUNTER, "counter"),
    GAUGE(Meter.Type.GAUGE, "gauge"),
    /** A timer exported as a summary: {@code _seconds_count}, {@code _seconds_sum}, and {@code _seconds_max}. */
    TIMER(Meter.Type.TIMER, "timer"),
    /** A timer that also publishes histogram buckets ({@code _seconds_bucket}), for quantiles over instances. */
    TIMER_HISTOGRAM(Meter.Type.TIMER, "timer with histogram");

    private final Meter.Type type;
    private final String label;

    MetricKind(Meter.Type type, String label) {
        this.type = type;
        this.label = label;
    }

    public Meter.Type type() {
        return type;
    }

    /** How the docs name this kind. */
    public String label() {
        return label;
    }

    boolean timed() {
        return type == Meter.Type.TIMER;
    }
}
