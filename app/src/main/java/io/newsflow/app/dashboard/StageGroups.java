package io.newsflow.app.dashboard;

import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.sink.SinkConfig;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The consumer group through which each stage reads its input topic, as the stage's own config
 * names it: ingest reads {@code newsflow.links}, enrich {@code newsflow.pages} (its Streams
 * application id), the sink {@code newsflow.articles}.
 */
public final class StageGroups {

    private StageGroups() {
    }

    /** Stage tag (e.g. {@code sink}) to its consumer group, for the given stages, in data-flow order. */
    public static Map<String, String> of(NewsflowConfig config, Collection<Stage> stages) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            if (stages.contains(stage)) {
                groups.put(stage.tag(), groupOf(stage, config));
            }
        }
        return groups;
    }

    private static String groupOf(Stage stage, NewsflowConfig config) {
        return switch (stage) {
            case INGEST -> new IngestConfig(config).groupId();
            case ENRICH -> new EnrichConfig(config).applicationId();
            case SINK -> new SinkConfig(config).groupId();
        };
    }
}
