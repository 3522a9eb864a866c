package io.newsflow.core.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Gives every {@code newsflow.} meter its HELP text and base unit from {@link MetricNames}, so no
 * registration can forget them, and refuses one the catalogue does not define or whose kind or
 * tag keys differ from the definition: a metric that is not in the catalogue is a bug, found the
 * first time the code registers it. Meters of other names (JVM, Kafka clients) pass unchanged.
 * Register it on a registry before any meter.
 */
public final class CatalogueFilter implements MeterFilter {

    private static final String PREFIX = "newsflow.";

    @Override
    public Meter.Id map(Meter.Id id) {
        if (!id.getName().startsWith(PREFIX)) {
            return id;
        }
        MetricDefinition definition = MetricNames.definition(id.getName()).orElseThrow(() -> new IllegalArgumentException(
                "metric " + id.getName() + " is not in the catalogue: define it in MetricNames with its HELP text"));
        if (definition.kind().type() != id.getType()) {
            throw new IllegalArgumentException("metric " + id.getName() + " is a " + definition.kind().label()
                    + " in the catalogue, registered as " + id.getType());
        }
        Set<String> keys = new HashSet<>();
        for (Tag tag : id.getTagsAsIterable()) {
            keys.add(tag.getKey());
        }
        if (!keys.equals(Set.copyOf(definition.labels()))) {
            throw new IllegalArgumentException("metric " + id.getName() + " has tags " + definition.labels()
                    + " in the catalogue, registered with " + keys);
        }
        String unit = definition.kind().type() == Meter.Type.TIMER ? id.getBaseUnit() : definition.baseUnit();
        if (id.getBaseUnit() != null && !Objects.equals(id.getBaseUnit(), unit)) {
            throw new IllegalArgumentException("metric " + id.getName() + " has unit " + unit
                    + " in the catalogue, registered with " + id.getBaseUnit());
        }
        return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), unit, definition.help(), id.getType());
    }
}
