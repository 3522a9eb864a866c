package io.newsflow.enrich.topology;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.PersonForm;
import io.newsflow.enrich.tag.person.PersonRegistry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Publishes to {@code newsflow.persons} what an article teaches the person registry and the global
 * store does not hold yet. Two instances that learn one fact at once both write it, under the same
 * key and with the same meaning, so the topic needs no coordination.
 */
final class PersonLearner implements Processor<String, Article, String, PersonForm> {

    private final String storeName;
    private ProcessorContext<String, PersonForm> context;
    private StoredPersons known;

    PersonLearner(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<String, PersonForm> context) {
        this.context = context;
        KeyValueStore<String, PersonForm> store = context.getStateStore(storeName);
        known = new StoredPersons(store);
    }

    @Override
    public void process(Record<String, Article> record) {
        for (PersonForm fact : PersonRegistry.news(record.value().persons(), known)) {
            context.forward(record.withKey(fact.key()).withValue(fact));
        }
    }
}
