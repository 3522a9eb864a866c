package io.newsflow.app.cli;

import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.app.broker.TopicSettings;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.topic.Topics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow topics}: create the pipeline's topics, or bring their configs in line, before any
 * stage starts (a deployment runs it once, as the compose file's {@code topics} service does).
 */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create the pipeline's topics with their replication, min.insync.replicas and size limits "
                + "(newsflow.topics.*, newsflow.page.max.bytes), or update the configs of existing ones; prints one JSON line.")
final class TopicsCommand implements Callable<Integer> {

    @Mixin
    private ClusterOptions cluster;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        NewsflowConfig config = cluster.load();
        TopicSettings settings = TopicSettings.of(config);
        TopicBootstrap.Outcome outcome = TopicBootstrap.ensureTopics(config.kafkaClientProperties(), settings);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("topics", Topics.ALL.size());
        line.put("created", outcome.created());
        line.put("reconfigured", outcome.reconfigured());
        line.put("partitions", TopicBootstrap.PARTITIONS);
        line.put("replicationFactor", settings.replicationFactor());
        line.put("minInsyncReplicas", settings.minInsyncReplicas());
        JsonLine.print(spec, line);
        return 0;
    }
}
