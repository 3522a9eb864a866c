package io.newsflow.app.reliability;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.config.NewsflowConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Brokers and configs of the fault tests: each fault gets a broker of its own, so it harms no other test. */
final class ReliabilityConfigs {

    static final int MAX_MESSAGE_BYTES = KafkaClients.maxMessageBytes(CommonConfig.DEFAULT_PAGE_MAX_BYTES);
    /**
     * Client settings for the kill tests: a killed member keeps its partitions until its session
     * times out, 45 s by Kafka's default; 6 s is the broker's floor.
     */
    static final Map<String, Object> SHORT_SESSIONS =
            Map.of("newsflow.kafka.session.timeout.ms", 6000, "newsflow.kafka.heartbeat.interval.ms", 1000);

    private ReliabilityConfigs() {
    }

    /** A broker of the test's own on a fixed port, with the pipeline's topics, as {@code newsflow up} makes them. */
    static EmbeddedKafka broker(Path logDir, int port) {
        EmbeddedKafka kafka = EmbeddedKafka.start(logDir, port, MAX_MESSAGE_BYTES);
        TopicBootstrap.ensureTopics(clientProperties(kafka), CommonConfig.DEFAULT_PAGE_MAX_BYTES);
        return kafka;
    }

    static Properties clientProperties(EmbeddedKafka kafka) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        return props;
    }

    /** A pipeline config against {@code kafka} with its state in {@code dataDir} and a free HTTP port. */
    static NewsflowConfig pipeline(EmbeddedKafka kafka, Path dataDir, Map<String, ?> extra) {
        Map<String, Object> values = new HashMap<>();
        values.put(CommonConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        values.put(CommonConfig.DATA_DIR, dataDir.toString());
        values.put(CommonConfig.HTTP_PORT, 0);
        values.putAll(extra);
        return NewsflowConfig.of(values);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
