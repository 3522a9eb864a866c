package io.newsflow.enrich;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.enrich.revision.RevisitSchedule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    public static final String REVISIT_SCHEDULE = "newsflow.enrich.revisit.schedule";
    private static final String REVISIT_SCHEDULE_DOC = "When a recent article is fetched again to catch edits: offsets from "
            + "its first fetch, each a number with the unit s, m, h or d. Empty turns revisits off.";

    public static final String REVISIT_CHECK_MS = "newsflow.enrich.revisit.check.interval.ms";
    private static final String REVISIT_CHECK_MS_DOC = "How often the revisit schedule is scanned for due articles, in milliseconds.";

    public static final String REVISIONS_RETENTION_MS = "newsflow.enrich.revisions.retention.ms";
    private static final String REVISIONS_RETENTION_MS_DOC = "How long the latest version of an article is kept to diff "
            + "the next one against, in milliseconds; an edit found later than that is published as a new version only.";

    public static final ConfigDef DEFINITION = new ConfigDef(CommonConfig.DEFINITION)
            .define(APPLICATION_ID, Type.STRING, "newsflow-enrich", Importance.HIGH, APPLICATION_ID_DOC)
            .define(THREADS, Type.INT, DEFAULT_THREADS, Range.atLeast(1), Importance.MEDIUM, THREADS_DOC)
            .define(COMMIT_INTERVAL_MS, Type.LONG, 200L, Range.atLeast(1), Importance.LOW, COMMIT_INTERVAL_MS_DOC)
            .define(REVISIT_SCHEDULE, Type.LIST, "1h,6h,24h,72h", Importance.MEDIUM, REVISIT_SCHEDULE_DOC)
            .define(REVISIT_CHECK_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.LOW, REVISIT_CHECK_MS_DOC)
            .define(REVISIONS_RETENTION_MS, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(1), Importance.LOW,
                    REVISIONS_RETENTION_MS_DOC);

    private final Map<String, Object> values;

    public EnrichConfig(NewsflowConfig config) {
        this.values = config.parse(DEFINITION);
        revisitSchedule(); // a bad schedule fails at start-up, with the offending entry named
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

    @SuppressWarnings("unchecked")
    public RevisitSchedule revisitSchedule() {
        return RevisitSchedule.parse((List<String>) values.get(REVISIT_SCHEDULE));
    }

    public Duration revisitCheckInterval() {
        return Duration.ofMillis((Long) values.get(REVISIT_CHECK_MS));
    }

    public Duration revisionsRetention() {
        return Duration.ofMillis((Long) values.get(REVISIONS_RETENTION_MS));
    }

    public Path stateDir() {
        return Path.of((String) values.get(CommonConfig.DATA_DIR), "streams");
    }

    public int pageMaxBytes() {
        return (Integer) values.get(CommonConfig.PAGE_MAX_BYTES);
    }
}
