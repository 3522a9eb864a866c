package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.lifecycle.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and SASL settings given as {@code newsflow.kafka.*} reach every Kafka client of every stage:
 * producers, consumers, Streams and its inner clients, admin clients. The settings are real TLS and
 * SASL keys that a PLAINTEXT connection ignores, so the run works against the embedded broker.
 */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class KafkaSecuritySettingsIT {

    private static final Map<String, String> SECURITY = Map.of(
            "security.protocol", "PLAINTEXT",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"newsflow\" password=\"not-used\";",
            "ssl.truststore.type", "PKCS12",
            "ssl.endpoint.identification.algorithm", "https");

    @Test
    @Timeout(120)
    void everyClientOfEveryStageReceivesTheSecuritySettings(EmbeddedKafka kafka, @TempDir Path dataDir) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> values = new HashMap<>();
        SECURITY.forEach((key, value) -> values.put("newsflow.kafka." + key, value));
        values.put("newsflow.kafka.metric.reporters", RecordingMetricsReporter.class.getName());
        values.put("newsflow.enrich.application.id", "enrich-security-" + unique);
        values.put("newsflow.sink.group.id", "sink-security-" + unique);
        values.put("newsflow.ingest.group.id", "ingest-security-" + unique);
        RecordingMetricsReporter.CLIENTS.clear();
        try (RunningProcess process = RunningProcess.start(ReliabilityConfigs.pipeline(kafka, dataDir, values),
                EnumSet.allOf(Stage.class), null, false)) {
            // Streams builds its clients per thread once it starts; wait until they exist
            Eventually.await("the Streams thread's clients", Duration.ofSeconds(60), () -> namespaces(),
                    seen -> seen.containsAll(Set.of("kafka.producer", "kafka.consumer", "kafka.admin.client", "kafka.streams"))
                            && groups().containsAll(Set.of("enrich-security-" + unique, "sink-security-" + unique)));
        }
        List<RecordingMetricsReporter.Client> clients = List.copyOf(RecordingMetricsReporter.CLIENTS);
        System.out.printf("reliability {\"check\":\"kafka-security-settings\",\"clients\":%d,\"kinds\":\"%s\"}%n",
                clients.size(), namespaces());
        for (RecordingMetricsReporter.Client client : clients) {
            SECURITY.forEach((key, value) -> assertEquals(value, String.valueOf(client.settings().get(key)),
                    key + " of " + client.namespace() + " " + client.settings().get("client.id")));
        }
        assertTrue(clients.stream().anyMatch(c -> c.namespace().equals("kafka.producer") && c.settings().get("transactional.id") == null),
                "the ingest producer is among them");
    }

    private static Set<String> namespaces() {
        return RecordingMetricsReporter.CLIENTS.stream().map(RecordingMetricsReporter.Client::namespace)
                .collect(Collectors.toSet());
    }

    /** Consumer groups and Streams application ids of the recorded clients. */
    private static Set<String> groups() {
        return RecordingMetricsReporter.CLIENTS.stream()
                .flatMap(c -> Stream.of(c.settings().get("group.id"), c.settings().get("application.id")))
                .filter(Objects::nonNull)
                .map(String::valueOf)
                .collect(Collectors.toSet());
    }
}
