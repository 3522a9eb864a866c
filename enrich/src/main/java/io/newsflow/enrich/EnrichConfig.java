package io.newsflow.enrich;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.enrich.health.HealthRules;
import io.newsflow.enrich.revision.RevisitSchedule;
import io.newsflow.enrich.story.StoryIndex;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
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

    public static final String HEALTH_INTERVAL_MS = "newsflow.enrich.health.interval.ms";
    private static final String HEALTH_INTERVAL_MS_DOC = "How often source health is re-evaluated and changed sources published "
            + "to newsflow.source-health, in milliseconds.";
    public static final String HEALTH_FAILING_STREAK = "newsflow.enrich.health.failing.streak";
    private static final String HEALTH_FAILING_STREAK_DOC = "Failed (or refused) polls in a row that make a source failing (or blocked).";
    public static final String HEALTH_SILENT_AFTER_MS = "newsflow.enrich.health.silent.after.ms";
    private static final String HEALTH_SILENT_AFTER_MS_DOC = "Time without a new link or article after which a source that had "
            + "output is silent, in milliseconds.";
    public static final String HEALTH_QUIET_RATIO = "newsflow.enrich.health.quiet.ratio";
    private static final String HEALTH_QUIET_RATIO_DOC = "A source is quiet when its last 24 hours bring less than this share of "
            + "its daily baseline.";
    public static final String HEALTH_QUIET_MIN_BASELINE = "newsflow.enrich.health.quiet.min.baseline";
    private static final String HEALTH_QUIET_MIN_BASELINE_DOC = "The least daily baseline (articles or links) for a source to be "
            + "called quiet; smaller sources vary too much.";
    public static final String HEALTH_BASELINE_DAYS = "newsflow.enrich.health.baseline.days";
    private static final String HEALTH_BASELINE_DAYS_DOC = "Days before the last 24 hours that a source's baseline is the daily mean of.";
    public static final String HEALTH_PAGES_WINDOW = "newsflow.enrich.health.pages.window";
    private static final String HEALTH_PAGES_WINDOW_DOC = "Latest pages of a source that the extracted and blocked shares are over.";
    public static final String HEALTH_BLOCKED_SHARE = "newsflow.enrich.health.blocked.share";
    private static final String HEALTH_BLOCKED_SHARE_DOC = "Share of a source's latest pages that, as challenges or paywalls, make it blocked.";
    public static final String HEALTH_BLOCKED_MIN_PAGES = "newsflow.enrich.health.blocked.min.pages";
    private static final String HEALTH_BLOCKED_MIN_PAGES_DOC = "Latest pages needed before a source can be called blocked by its pages.";
    public static final String HEALTH_MIN_CHARS = "newsflow.enrich.health.min.chars";
    private static final String HEALTH_MIN_CHARS_DOC = "Text, in characters, that a page needs to count as extracted well "
            + "(with a title and a date); shorter pages are checked for challenge and paywall words.";

    public static final String STORY_WINDOW_MS = "newsflow.enrich.story.window.ms";
    private static final String STORY_WINDOW_MS_DOC = "How long an article can be the first of a story that later copies join, "
            + "in milliseconds, measured on the fetch times of the articles.";
    public static final String STORY_MAX_SIGNATURES = "newsflow.enrich.story.max.signatures";
    private static final String STORY_MAX_SIGNATURES_DOC = "Most recent articles whose signatures the story step keeps "
            + "(about 2 KB each on disk); the oldest go first when there are more.";
    public static final String STORY_MIN_OVERLAP = "newsflow.enrich.story.min.overlap";
    private static final String STORY_MIN_OVERLAP_DOC = "Least estimated Jaccard similarity of 5-word shingles for an "
            + "article to be a copy of a recent one (see docs/stories.md for how it was chosen).";

    public static final ConfigDef DEFINITION = new ConfigDef(CommonConfig.DEFINITION)
            .define(APPLICATION_ID, Type.STRING, "newsflow-enrich", Importance.HIGH, APPLICATION_ID_DOC)
            .define(THREADS, Type.INT, DEFAULT_THREADS, Range.atLeast(1), Importance.MEDIUM, THREADS_DOC)
            .define(COMMIT_INTERVAL_MS, Type.LONG, 200L, Range.atLeast(1), Importance.LOW, COMMIT_INTERVAL_MS_DOC)
            .define(REVISIT_SCHEDULE, Type.LIST, "1h,6h,24h,72h", Importance.MEDIUM, REVISIT_SCHEDULE_DOC)
            .define(REVISIT_CHECK_MS, Type.LONG, 60_000L, Range.atLeast(1), Importance.LOW, REVISIT_CHECK_MS_DOC)
            .define(REVISIONS_RETENTION_MS, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(1), Importance.LOW,
                    REVISIONS_RETENTION_MS_DOC)
            .define(HEALTH_INTERVAL_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.LOW, HEALTH_INTERVAL_MS_DOC)
            .define(HEALTH_FAILING_STREAK, Type.INT, 3, Range.atLeast(1), Importance.MEDIUM, HEALTH_FAILING_STREAK_DOC)
            .define(HEALTH_SILENT_AFTER_MS, Type.LONG, Duration.ofHours(24).toMillis(), Range.atLeast(1), Importance.MEDIUM,
                    HEALTH_SILENT_AFTER_MS_DOC)
            .define(HEALTH_QUIET_RATIO, Type.DOUBLE, 0.25, Range.between(0.001, 1.0), Importance.MEDIUM, HEALTH_QUIET_RATIO_DOC)
            .define(HEALTH_QUIET_MIN_BASELINE, Type.DOUBLE, 5.0, Range.atLeast(0.0), Importance.LOW, HEALTH_QUIET_MIN_BASELINE_DOC)
            .define(HEALTH_BASELINE_DAYS, Type.INT, 7, Range.atLeast(1), Importance.LOW, HEALTH_BASELINE_DAYS_DOC)
            .define(HEALTH_PAGES_WINDOW, Type.INT, 50, Range.atLeast(1), Importance.LOW, HEALTH_PAGES_WINDOW_DOC)
            .define(HEALTH_BLOCKED_SHARE, Type.DOUBLE, 0.5, Range.between(0.001, 1.0), Importance.MEDIUM, HEALTH_BLOCKED_SHARE_DOC)
            .define(HEALTH_BLOCKED_MIN_PAGES, Type.INT, 3, Range.atLeast(1), Importance.LOW, HEALTH_BLOCKED_MIN_PAGES_DOC)
            .define(HEALTH_MIN_CHARS, Type.INT, 400, Range.atLeast(1), Importance.LOW, HEALTH_MIN_CHARS_DOC)
            .define(STORY_WINDOW_MS, Type.LONG, Duration.ofDays(7).toMillis(), Range.atLeast(1), Importance.MEDIUM,
                    STORY_WINDOW_MS_DOC)
            .define(STORY_MAX_SIGNATURES, Type.LONG, 200_000L, Range.atLeast(1), Importance.MEDIUM, STORY_MAX_SIGNATURES_DOC)
            .define(STORY_MIN_OVERLAP, Type.DOUBLE, 0.4, Range.between(0.01, 1.0), Importance.MEDIUM, STORY_MIN_OVERLAP_DOC);

    private final AbstractConfig values;

    public EnrichConfig(NewsflowConfig config) {
        this.values = config.parse(DEFINITION);
        revisitSchedule(); // a bad schedule fails at start-up, with the offending entry named
    }

    public String applicationId() {
        return values.getString(APPLICATION_ID);
    }

    public int threads() {
        return values.getInt(THREADS);
    }

    public long commitIntervalMs() {
        return values.getLong(COMMIT_INTERVAL_MS);
    }

    public RevisitSchedule revisitSchedule() {
        return RevisitSchedule.parse(values.getList(REVISIT_SCHEDULE));
    }

    public Duration revisitCheckInterval() {
        return Duration.ofMillis(values.getLong(REVISIT_CHECK_MS));
    }

    public Duration revisionsRetention() {
        return Duration.ofMillis(values.getLong(REVISIONS_RETENTION_MS));
    }

    public HealthRules healthRules() {
        return new HealthRules(values.getInt(HEALTH_FAILING_STREAK), Duration.ofMillis(values.getLong(HEALTH_SILENT_AFTER_MS)),
                values.getDouble(HEALTH_QUIET_RATIO), values.getDouble(HEALTH_QUIET_MIN_BASELINE),
                values.getInt(HEALTH_BASELINE_DAYS), values.getInt(HEALTH_PAGES_WINDOW),
                values.getDouble(HEALTH_BLOCKED_SHARE), values.getInt(HEALTH_BLOCKED_MIN_PAGES));
    }

    public Duration healthInterval() {
        return Duration.ofMillis(values.getLong(HEALTH_INTERVAL_MS));
    }

    public int healthMinChars() {
        return values.getInt(HEALTH_MIN_CHARS);
    }

    public StoryIndex.Settings storySettings() {
        return new StoryIndex.Settings(Duration.ofMillis(values.getLong(STORY_WINDOW_MS)),
                values.getLong(STORY_MAX_SIGNATURES), values.getDouble(STORY_MIN_OVERLAP));
    }

    public Path stateDir() {
        return Path.of(values.getString(CommonConfig.DATA_DIR), "streams");
    }

    /** Replicas of the internal topics Streams creates; -1 leaves it to the cluster. */
    public int replicationFactor() {
        return values.getInt(CommonConfig.TOPIC_REPLICATION_FACTOR);
    }

    /** min.insync.replicas of the internal topics Streams creates; -1 leaves it to the cluster. */
    public int minInsyncReplicas() {
        return values.getInt(CommonConfig.TOPIC_MIN_INSYNC_REPLICAS);
    }

    public int pageMaxBytes() {
        return values.getInt(CommonConfig.PAGE_MAX_BYTES);
    }
}
