package io.newsflow.app.broker;

import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.topic.Topic;
import io.newsflow.core.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the pipeline's topics with the configs they need, leaving existing ones as they are. */
public final class TopicBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);

    /** Partitions of each topic: the most instances of a stage that can share the work. */
    public static final int PARTITIONS = 4;

    private TopicBootstrap() {
    }

    /** The topics and their configs; replicas follow the cluster's {@code default.replication.factor}. */
    public static List<NewTopic> definitions(int pageMaxBytes) {
        String maxMessage = String.valueOf(KafkaClients.maxMessageBytes(pageMaxBytes));
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            NewTopic t = new NewTopic(topic.name(), Optional.of(PARTITIONS), Optional.empty());
            Map<String, String> configs = new HashMap<>();
            configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage);
            if (topic == Topics.ARTICLES || topic == Topics.URL_STATUS || topic == Topics.SOURCE_HEALTH) {
                // latest version per key is all a reader needs: a subscriber's view, a crawler's seen-set,
                // a source's current health
                configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            topics.add(t.configs(configs));
        }
        return topics;
    }

    /** Creates the missing topics and waits for them. */
    public static void ensureTopics(Properties kafka, int pageMaxBytes) {
        try (Admin admin = Admin.create(kafka)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = definitions(pageMaxBytes).stream()
                    .filter(t -> !existing.contains(t.name()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
                LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
