package io.newsflow.enrich.topology;

import io.newsflow.core.record.SourceHealth;
import io.newsflow.enrich.health.HealthRules;
import io.newsflow.enrich.health.SourceGauges;
import io.newsflow.enrich.health.SourceHealthState;
import io.newsflow.enrich.health.SourceSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The source-health step: folds each source's signals (polls, pages, new articles) into its state
 * and, on a wall-clock punctuation, publishes the health of every source that learned something or
 * whose status changed with time alone (a source goes silent while nothing arrives). Publishing on
 * the punctuation rather than per signal bounds the topic to one record per source per interval.
 */
final class SourceHealthProcessor implements Processor<String, SourceSignal, String, SourceHealth> {

    private final String storeName;
    private final HealthRules rules;
    private final Duration interval;
    private final SourceGauges gauges;
    private ProcessorContext<String, SourceHealth> context;
    private KeyValueStore<String, SourceHealthState> store;

    SourceHealthProcessor(String storeName, HealthRules rules, Duration interval, SourceGauges gauges) {
        this.storeName = storeName;
        this.rules = rules;
        this.interval = interval;
        this.gauges = gauges;
    }

    @Override
    public void init(ProcessorContext<String, SourceHealth> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> publish(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(Record<String, SourceSignal> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        SourceHealthState state = store.get(record.key());
        if (state == null) {
            state = new SourceHealthState();
        }
        state.apply(record.value(), rules.pagesWindow());
        store.put(record.key(), state);
    }

    private void publish(Instant now) {
        List<KeyValue<String, SourceHealthState>> changed = new ArrayList<>();
        try (KeyValueIterator<String, SourceHealthState> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, SourceHealthState> entry = all.next();
                SourceHealthState state = entry.value;
                state.forgetBefore(rules.horizon(now));
                SourceHealth health = rules.evaluate(entry.key, state, now);
                gauges.update(health);
                if (state.dirty() || health.status() != state.lastStatus()) {
                    context.forward(new Record<>(entry.key, health, now.toEpochMilli()));
                    state.published(health.status());
                    changed.add(entry);
                }
            }
        }
        changed.forEach(e -> store.put(e.key, e.value));
    }
}
