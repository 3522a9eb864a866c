package io.newsflow.app.it;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads {@code newsflow.pages} on the shared test broker, keeping the pages one test produced. */
final class PagesTopic {

    private PagesTopic() {
    }

    /** Every page on the topic so far whose key the filter accepts. */
    static List<Page> read(EmbeddedKafka kafka, Predicate<String> key) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        List<Page> pages = new ArrayList<>();
        // raw bytes: other tests put poison records on the shared topic on purpose
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAGES.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && key.test(record.key()) && record.value() != null) {
                        pages.add(JsonCodec.decode(record.value(), Page.class));
                    }
                }
            }
        }
        return pages;
    }
}
