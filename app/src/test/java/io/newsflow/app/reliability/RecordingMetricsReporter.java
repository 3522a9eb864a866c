package io.newsflow.app.reliability;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsContext;
import org.apache.kafka.common.metrics.MetricsReporter;

/**
 * A Kafka metrics reporter that does no reporting: every Kafka client instantiates the classes named
 * in {@code metric.reporters} and configures them with its own settings, so this records which
 * settings each client of a process was built with. Named through {@code newsflow.kafka.metric.reporters}.
 */
public final class RecordingMetricsReporter implements MetricsReporter {

    /** One client: its kind ({@code kafka.producer}, {@code kafka.consumer}, ...) and its settings. */
    record Client(String namespace, Map<String, ?> settings) {
    }

    static final List<Client> CLIENTS = new CopyOnWriteArrayList<>();

    private Map<String, ?> settings = Map.of();

    @Override
    public void configure(Map<String, ?> configs) {
        // Streams hands its clients some null values, which Map.copyOf refuses
        this.settings = Collections.unmodifiableMap(new HashMap<>(configs));
    }

    @Override
    public void contextChange(MetricsContext context) {
        CLIENTS.add(new Client(context.contextLabels().getOrDefault(MetricsContext.NAMESPACE, "?"), settings));
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
    }

    @Override
    public void metricChange(KafkaMetric metric) {
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
    }

    @Override
    public void close() {
    }
}
