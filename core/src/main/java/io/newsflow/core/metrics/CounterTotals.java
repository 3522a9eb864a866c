package io.newsflow.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.util.function.Predicate;

/** Totals of the catalogue's counters across their {@code outcome} tags, as the status line, dashboard and benches read them. */
public final class CounterTotals {

    private CounterTotals() {
    }

    /**
     * The sum of every counter named {@code name} whose {@code outcome} tag passes the test; a
     * counter without that tag is tested as the empty string.
     */
    public static double sum(MeterRegistry registry, String name, Predicate<String> outcome) {
        return Search.in(registry).name(name).counters().stream()
                .filter(c -> {
                    String tag = c.getId().getTag(MetricNames.TAG_OUTCOME);
                    return outcome.test(tag == null ? "" : tag);
                })
                .mapToDouble(Counter::count)
                .sum();
    }
}
