package io.newsflow.core.metrics;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One metric of the catalogue: its Micrometer name, what kind of meter it is, its base unit (part
 * of the Prometheus name, so only where one applies: seconds, bytes, records), the HELP text
 * Prometheus shows, and the only tag keys it may carry.
 */
public record MetricDefinition(String name, MetricKind kind, @Nullable String baseUnit, String help, List<String> labels) {

    private static final Pattern NAME = Pattern.compile("newsflow(\\.[a-z0-9]+)+");
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_]*");

    public MetricDefinition {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        requireNonNull(help, "help");
        labels = List.copyOf(labels);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("metric name must be newsflow.<lowercase words>: " + name);
        }
        if (help.isBlank()) {
            throw new IllegalArgumentException("metric " + name + " needs a HELP text");
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("metric " + name + ": label must be snake_case: " + label);
            }
        }
    }

    /** The metric family's name on {@code /metrics}: underscores, the unit, {@code _total} for counters. */
    public String prometheusName() {
        String base = name.replace('.', '_');
        String unit = kind.timed() ? "seconds" : baseUnit;
        if (unit != null && !base.endsWith("_" + unit)) {
            base = base + "_" + unit;
        }
        return kind == MetricKind.COUNTER ? base + "_total" : base;
    }

    /** The sample names it shows on {@code /metrics}, e.g. a timer's {@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max}. */
    public List<String> seriesNames() {
        String family = prometheusName();
        return switch (kind) {
            case COUNTER, GAUGE -> List.of(family);
            case TIMER -> List.of(family + "_count", family + "_sum", family + "_max");
            case TIMER_HISTOGRAM -> List.of(family + "_bucket", family + "_count", family + "_sum", family + "_max");
        };
    }
}
