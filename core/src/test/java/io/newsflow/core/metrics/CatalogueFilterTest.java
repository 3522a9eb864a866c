package io.newsflow.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class CatalogueFilterTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    CatalogueFilterTest() {
        registry.config().meterFilter(new CatalogueFilter());
    }

    @Test
    void givesARegistrationItsHelpTextAndUnit() {
        Counter bytes = registry.counter(MetricNames.FETCH_BYTES);
        Gauge lag = Gauge.builder(MetricNames.CONSUMER_LAG, () -> 3)
                .tags(MetricNames.TAG_STAGE, "sink", MetricNames.TAG_GROUP, "g").register(registry);

        assertEquals("Response body bytes fetched.", bytes.getId().getDescription());
        assertEquals("bytes", bytes.getId().getBaseUnit());
        assertEquals("records", lag.getId().getBaseUnit());
        assertTrue(lag.getId().getDescription().startsWith("Records a stage's consumer group has not consumed yet"));
    }

    @Test
    void refusesAMetricTheCatalogueLacks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.counter("newsflow.fetch.mystery"));
        assertTrue(e.getMessage().contains("newsflow.fetch.mystery is not in the catalogue"), e.getMessage());
    }

    @Test
    void refusesOtherTagsOrAnotherKind() {
        assertThrows(IllegalArgumentException.class,
                () -> registry.counter(MetricNames.FETCH_PAGES, "url", "https://example.org/a"));
        assertThrows(IllegalArgumentException.class, () -> registry.counter(MetricNames.FETCH_PAGES));
        assertThrows(IllegalArgumentException.class, () -> registry.timer(MetricNames.FETCH_BYTES));
    }

    @Test
    void leavesOtherMetricsAlone() {
        Counter other = registry.counter("kafka.consumer.records.consumed.total", "client.id", "c");

        assertEquals(null, other.getId().getDescription());
    }
}
