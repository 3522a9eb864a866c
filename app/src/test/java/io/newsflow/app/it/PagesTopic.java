package io.newsflow.app.it;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.testing.TopicContents;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code newsflow.pages} on the shared test broker, keeping the pages one test produced. */
final class PagesTopic {

    private PagesTopic() {
    }

    /** Every page on the topic so far whose key the filter accepts. */
    static List<Page> read(EmbeddedKafka kafka, Predicate<String> key) {
        // raw bytes: other tests put poison records on the shared topic on purpose
        return TopicContents.read(kafka.bootstrapServers(), Topics.PAGES.name(), new StringDeserializer(),
                        new ByteArrayDeserializer()).stream()
                .filter(r -> r.key() != null && key.test(r.key()) && r.value() != null)
                .map(r -> Topics.PAGES.valueSerde().deserializer().deserialize(Topics.PAGES.name(), r.value()))
                .toList();
    }
}
