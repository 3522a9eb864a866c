package io.newsflow.enrich;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The enrich stage's settings. */
public final class EnrichConfig {

    public static final String APPLICATION_ID = "newsflow.enrich.application.id";
    private static final String APPLICATION_ID_DOC = "Kafka Streams application id: the consumer group and the prefix of internal topics.";

    public static final String THREADS = "newsflow.enrich.threads";
    private static final String THREADS_DOC = "Stream threads per instance; by default one per core, at most four "
            + "(the partitions of newsflow.pages), since enrich is the stage that needs the CPU.";
    private static final int DEFAULT_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

    public static final String COMMIT_INTERVAL_MS = "newsflow.enrich.commit.interval.ms";
    private static final String COMMIT_INTERVAL_MS_DOC = "How often transactions commit, in milliseconds: the floor of end-to-end latency under exactly-once.";

    public static final ConfigDef DEFINITION = new ConfigDef(CommonConfig.DEFINITION)
            .define(APPLICATION_ID, Type.STRING, "newsflow-enrich", Importance.HIGH, APPLICATION_ID_DOC)
            .define(THREADS, Type.INT, DEFAULT_THREADS, Range.atLeast(1), Importance.MEDIUM, THREADS_DOC)
            .define(COMMIT_INTERVAL_MS, Type.LONG, 200L, Range.atLeast(1), Importance.LOW, COMMIT_INTERVAL_MS_DOC);

    private final Map<String, Object> values;

    public EnrichConfig(NewsflowConfig config) {
        this.values = config.parse(DEFINITION);
    }

    public String applicationId() {
        return (String) values.get(APPLICATION_ID);
    }

    public int threads() {
        return (Integer) values.get(THREADS);
    }

    public long commitIntervalMs() {
        return (Long) values.get(COMMIT_INTERVAL_MS);
    }

    public Path stateDir() {
        return Path.of((String) values.get(CommonConfig.DATA_DIR), "streams");
    }

    public int pageMaxBytes() {
        return (Integer) values.get(CommonConfig.PAGE_MAX_BYTES);
    }
}
