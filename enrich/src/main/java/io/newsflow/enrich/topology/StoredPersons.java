package io.newsflow.enrich.topology;

import io.newsflow.core.record.PersonForm;
import io.newsflow.enrich.tag.person.PersonRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The registry's facts as the global store built from {@code newsflow.persons} holds them. */
final class StoredPersons implements PersonRegistry.Known {

    private static final StringSerializer KEYS = new StringSerializer();

    private final ReadOnlyKeyValueStore<String, PersonForm> store;

    StoredPersons(ReadOnlyKeyValueStore<String, PersonForm> store) {
        this.store = store;
    }

    @Override
    public List<PersonForm> withForm(String form) {
        List<PersonForm> facts = new ArrayList<>();
        try (KeyValueIterator<String, PersonForm> it = store.prefixScan(PersonForm.keyPrefix(form), KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, PersonForm> entry = it.next();
                // a form that itself holds "|" would share the prefix
                if (entry.value != null && entry.value.form().equals(form)) {
                    facts.add(entry.value);
                }
            }
        }
        return facts;
    }

    @Override
    public boolean contains(PersonForm fact) {
        return store.get(fact.key()) != null;
    }
}
