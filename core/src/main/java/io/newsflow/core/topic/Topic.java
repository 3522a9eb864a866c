package io.newsflow.core.topic;

import static java.util.Objects.requireNonNull;

import org.apache.kafka.common.serialization.Serde;

/**
 * A topic together with the serdes of its keys and values, so every producer and consumer of it
 * agrees on the format.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

    public Topic {
        requireNonNull(name, "name");
        requireNonNull(keySerde, "keySerde");
        requireNonNull(valueSerde, "valueSerde");
    }
}
