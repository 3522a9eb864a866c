package io.newsflow.app.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.topic.Topics;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one topic bootstrap on a broker of its own: instances starting together all succeed, a
 * second run changes nothing, and a topic whose config drifted is brought back in line.
 */
@Tag("integration")
class TopicBootstrapIT {

    private static final int PAGE_MAX = CommonConfig.DEFAULT_PAGE_MAX_BYTES;

    @Test
    @Timeout(120)
    void concurrentRunsCreateEachTopicOnceAndReconcileDriftedConfigs(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir, port, KafkaClients.maxMessageBytes(PAGE_MAX))) {
            Properties props = new Properties();
            props.put("bootstrap.servers", broker.bootstrapServers());
            TopicSettings settings = new TopicSettings(PAGE_MAX, 1, 1);

            // three stage instances starting at once, as compose starts them without a topics job
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<TopicBootstrap.Outcome>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> TopicBootstrap.ensureTopics(props, settings)));
            }
            List<String> created = new ArrayList<>();
            for (Future<TopicBootstrap.Outcome> run : runs) {
                created.addAll(run.get(60, TimeUnit.SECONDS).created());
            }
            pool.shutdown();
            assertEquals(Topics.ALL.size(), created.size(), "each topic created by exactly one run: " + created);

            assertEquals(new TopicBootstrap.Outcome(List.of(), List.of()), TopicBootstrap.ensureTopics(props, settings));

            ConfigResource pages = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PAGES.name());
            try (Admin admin = Admin.create(props)) {
                Map<ConfigResource, Collection<AlterConfigOp>> drift = Map.of(pages, List.of(
                        new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1048576"), AlterConfigOp.OpType.SET)));
                admin.incrementalAlterConfigs(drift).all().get(30, TimeUnit.SECONDS);
                // the broker applies the controller's metadata asynchronously
                Awaitility.await("the drifted max.message.bytes applied").atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(100)).until(() -> "1048576".equals(maxMessageBytes(admin, pages)));

                assertEquals(new TopicBootstrap.Outcome(List.of(), List.of(Topics.PAGES.name())),
                        TopicBootstrap.ensureTopics(props, settings));
                assertEquals(String.valueOf(KafkaClients.maxMessageBytes(PAGE_MAX)), maxMessageBytes(admin, pages));
            }
        }
    }

    private static String maxMessageBytes(Admin admin, ConfigResource topic) throws Exception {
        return admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                .get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value();
    }

    @Test
    void refusesMoreInSyncReplicasThanReplicas() {
        assertThrows(IllegalArgumentException.class, () -> new TopicSettings(PAGE_MAX, 3, 4));
    }
}
