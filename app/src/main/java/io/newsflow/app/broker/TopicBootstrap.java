package io.newsflow.app.broker;

import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.retry.Backoff;
import io.newsflow.core.topic.Topic;
import io.newsflow.core.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place the pipeline's topics are made: creates the missing ones with the configs they need
 * and brings the configs of existing ones in line, so any number of processes may run it at once,
 * and again, with the same outcome.
 */
public final class TopicBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(TopicBootstrap.class);

    /** Partitions of each topic: the most instances of a stage that can share the work. */
    public static final int PARTITIONS = 4;

    /** How long to wait for as many brokers as the topics need replicas (a cluster starting up). */
    private static final Duration BROKER_WAIT = Duration.ofSeconds(180);

    /** How long a topic another instance created may stay unknown to the broker we ask. */
    private static final Duration NEW_TOPIC_WAIT = Duration.ofSeconds(30);
    private static final Backoff NEW_TOPIC_BACKOFF = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2));

    /** What a run did: topics it created and topics whose configs it changed. */
    public record Outcome(List<String> created, List<String> reconfigured) {
    }

    private TopicBootstrap() {
    }

    /** The topics and their configs; replicas follow the cluster's {@code default.replication.factor}. */
    public static List<NewTopic> definitions(int pageMaxBytes) {
        return definitions(TopicSettings.clusterDefaults(pageMaxBytes));
    }

    /** The topics and their configs under the given settings. */
    public static List<NewTopic> definitions(TopicSettings settings) {
        Optional<Short> replicas = settings.replicationFactor() > 0
                ? Optional.of((short) settings.replicationFactor())
                : Optional.empty();
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> topic : Topics.ALL) {
            topics.add(new NewTopic(topic.name(), Optional.of(PARTITIONS), replicas).configs(configs(topic, settings)));
        }
        return topics;
    }

    private static Map<String, String> configs(Topic<?, ?> topic, TopicSettings settings) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(KafkaClients.maxMessageBytes(settings.pageMaxBytes())));
        if (topic == Topics.ARTICLES || topic == Topics.URL_STATUS || topic == Topics.SOURCE_HEALTH
                || topic == Topics.PERSONS) {
            // latest version per key is all a reader needs: a subscriber's view, a crawler's seen-set,
            // a source's current health, the person registry's facts
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        if (settings.minInsyncReplicas() > 0) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()));
        }
        return configs;
    }

    /** {@link #ensureTopics(Properties, TopicSettings)} with the cluster's replication defaults. */
    public static Outcome ensureTopics(Properties kafka, int pageMaxBytes) {
        return ensureTopics(kafka, TopicSettings.clusterDefaults(pageMaxBytes));
    }

    /**
     * Creates the missing topics and sets the configs of existing ones that differ, after waiting
     * for enough brokers to hold the replicas. A topic another process creates meanwhile counts as
     * existing. The replica count of an existing topic is left as it is (changing it means moving
     * data); a mismatch is logged.
     */
    public static Outcome ensureTopics(Properties kafka, TopicSettings settings) {
        try (Admin admin = Admin.create(kafka)) {
            awaitBrokers(admin, settings.replicationFactor());
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> wanted = definitions(settings);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            List<String> created = create(admin, missing);
            List<NewTopic> present = wanted.stream().filter(t -> !created.contains(t.name())).toList();
            List<String> reconfigured = reconfigure(admin, present);
            warnOnReplicaMismatch(admin, present, settings.replicationFactor());
            return new Outcome(created, reconfigured);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    private static void awaitBrokers(Admin admin, int replicas) throws InterruptedException, ExecutionException {
        if (replicas <= 1) {
            return;
        }
        long deadline = System.nanoTime() + BROKER_WAIT.toNanos();
        int brokers;
        while ((brokers = brokers(admin)) < replicas) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics need " + replicas + " replicas but only " + brokers
                        + " brokers joined the cluster within " + BROKER_WAIT.toSeconds() + " s");
            }
            LOG.info("waiting for brokers: {} of the {} the topics' replicas need", brokers, replicas);
            Thread.sleep(1000);
        }
    }

    /** The brokers that have joined, 0 while none answers (a cluster still starting). */
    private static int brokers(Admin admin) throws InterruptedException, ExecutionException {
        try {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        } catch (TimeoutException e) {
            return 0;
        }
    }

    private static List<String> create(Admin admin, List<NewTopic> missing) throws InterruptedException, ExecutionException,
            TimeoutException {
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(missing).values().entrySet()) {
            try {
                result.getValue().get(60, TimeUnit.SECONDS);
                created.add(result.getKey());
            } catch (ExecutionException e) {
                // another instance created it between our listing and our request: same definitions
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        if (!created.isEmpty()) {
            LOG.info("created topics {}", created);
        }
        return created;
    }

    private static List<String> reconfigure(Admin admin, List<NewTopic> present) throws InterruptedException, ExecutionException,
            TimeoutException {
        if (present.isEmpty()) {
            return List.of();
        }
        List<ConfigResource> resources = present.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name()))
                .toList();
        Map<ConfigResource, Config> actual = describeConfigs(admin, resources);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (NewTopic topic : present) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic.name());
            List<AlterConfigOp> ops = new ArrayList<>();
            topic.configs().forEach((name, value) -> {
                ConfigEntry entry = actual.get(resource).get(name);
                if (entry == null || !value.equals(entry.value())) {
                    ops.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
                }
            });
            if (!ops.isEmpty()) {
                changes.put(resource, ops);
            }
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        admin.incrementalAlterConfigs(changes).all().get(30, TimeUnit.SECONDS);
        List<String> names = changes.keySet().stream().map(ConfigResource::name).sorted().toList();
        LOG.info("updated the configs of topics {}", names);
        return names;
    }

    /**
     * The configs of the topics, waiting while one is unknown: a topic another instance has just
     * created (our create met {@link TopicExistsException}) can be missing from this broker's
     * metadata for a moment after the controller accepted it.
     */
    private static Map<ConfigResource, Config> describeConfigs(Admin admin, List<ConfigResource> resources)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + NEW_TOPIC_WAIT.toNanos();
        for (int failures = 1; ; failures++) {
            try {
                return admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(NEW_TOPIC_BACKOFF.after(failures).toMillis());
            }
        }
    }

    private static void warnOnReplicaMismatch(Admin admin, List<NewTopic> present, int replicas) throws InterruptedException,
            ExecutionException, TimeoutException {
        if (replicas <= 0 || present.isEmpty()) {
            return;
        }
        admin.describeTopics(present.stream().map(NewTopic::name).toList()).allTopicNames().get(30, TimeUnit.SECONDS)
                .forEach((name, description) -> {
                    int actual = description.partitions().get(0).replicas().size();
                    if (actual != replicas) {
                        LOG.warn("topic {} has {} replicas, not the {} configured; reassign its partitions to change that",
                                name, actual, replicas);
                    }
                });
    }
}
