package io.newsflow.enrich.topology;

import io.newsflow.core.record.PersonForm;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global person store equal to {@code newsflow.persons}: puts each fact, deletes on a
 * tombstone. It stores exactly what the topic holds, so Kafka Streams' restore, which loads the
 * topic's records into the store without running this processor, builds the same store.
 */
final class PersonStoreUpdater implements Processor<String, PersonForm, Void, Void> {

    private final String storeName;
    private KeyValueStore<String, PersonForm> store;

    PersonStoreUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, PersonForm> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.put(record.key(), record.value());
        }
    }
}
