package io.newsflow.app.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Regression for issue 10: a broker started again on its data directory refused to format it. */
@Tag("integration")
class EmbeddedKafkaRestartIT {

    @Test
    @Timeout(120)
    void restartsOnTheSameDataDirectoryAndPortKeepingRecords(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        int maxBytes = KafkaClients.maxMessageBytes(CommonConfig.DEFAULT_PAGE_MAX_BYTES);
        try (EmbeddedKafka first = EmbeddedKafka.start(dir, port, maxBytes)) {
            TopicBootstrap.ensureTopics(props(first), CommonConfig.DEFAULT_PAGE_MAX_BYTES);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props(first), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("newsflow.links", "example.org", "before restart")).get();
            }
        }
        try (EmbeddedKafka second = EmbeddedKafka.start(dir, port, maxBytes)) {
            assertEquals(port, second.port());
            Properties props = props(second);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("newsflow.links"));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                }
            }
            assertEquals(List.of("before restart"), values);
        }
    }

    private static Properties props(EmbeddedKafka kafka) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return props;
    }
}
