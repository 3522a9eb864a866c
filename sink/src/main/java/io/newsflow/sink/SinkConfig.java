package io.newsflow.sink;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.types.Password;

/** The sink stage's settings. */
public final class SinkConfig {

    public static final String JDBC_URL = "newsflow.sink.jdbc.url";
    private static final String JDBC_URL_DOC = "JDBC URL of the store: jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB. Empty means SQLite at <data dir>/newsflow.db.";

    public static final String JDBC_USER = "newsflow.sink.jdbc.user";
    private static final String JDBC_USER_DOC = "Database user (PostgreSQL).";

    public static final String JDBC_PASSWORD = "newsflow.sink.jdbc.password";
    private static final String JDBC_PASSWORD_DOC = "Database password (PostgreSQL); never logged.";

    public static final String GROUP_ID = "newsflow.sink.group.id";
    private static final String GROUP_ID_DOC = "Consumer group of the sink.";

    public static final String TOPIC = "newsflow.sink.topic";
    private static final String TOPIC_DOC = "Topic of enriched articles the sink stores, e.g. a mirror of newsflow.articles.";

    public static final String REVISIONS_TOPIC = "newsflow.sink.revisions.topic";
    private static final String REVISIONS_TOPIC_DOC = "Topic of article revisions (stealth edits) the sink stores, e.g. a mirror of newsflow.revisions.";

    public static final String BATCH_SIZE = "newsflow.sink.batch.size";
    private static final String BATCH_SIZE_DOC = "Most records written in one database transaction.";

    public static final String WRITERS = "newsflow.sink.writers";
    private static final String WRITERS_DOC = "Connections a PostgreSQL store writes each batch on at once, the batch split by article id; "
            + "the server computes each article's full-text vector on the connection that inserts it. SQLite takes one writer: always 1.";

    public static final String RETRY_BACKOFF_MS = "newsflow.sink.retry.backoff.ms";
    private static final String RETRY_BACKOFF_MS_DOC = "First pause, in milliseconds, before retrying a batch the database could not take (unreachable, locked); doubled on each failure.";

    public static final String RETRY_BACKOFF_MAX_MS = "newsflow.sink.retry.backoff.max.ms";
    private static final String RETRY_BACKOFF_MAX_MS_DOC = "Longest pause, in milliseconds, between retries while the database is unavailable.";

    public static final ConfigDef DEFINITION = new ConfigDef(CommonConfig.DEFINITION)
            .define(JDBC_URL, Type.STRING, "", Importance.HIGH, JDBC_URL_DOC)
            .define(JDBC_USER, Type.STRING, "", Importance.MEDIUM, JDBC_USER_DOC)
            .define(JDBC_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM, JDBC_PASSWORD_DOC)
            .define(GROUP_ID, Type.STRING, "newsflow-sink", Importance.MEDIUM, GROUP_ID_DOC)
            .define(TOPIC, Type.STRING, Topics.ARTICLES.name(), new ConfigDef.NonEmptyString(), Importance.LOW, TOPIC_DOC)
            .define(REVISIONS_TOPIC, Type.STRING, Topics.REVISIONS.name(), new ConfigDef.NonEmptyString(), Importance.LOW,
                    REVISIONS_TOPIC_DOC)
            .define(BATCH_SIZE, Type.INT, 500, Range.atLeast(1), Importance.LOW, BATCH_SIZE_DOC)
            .define(WRITERS, Type.INT, 2, Range.between(1, 16), Importance.LOW, WRITERS_DOC)
            .define(RETRY_BACKOFF_MS, Type.LONG, 200L, Range.atLeast(1), Importance.LOW, RETRY_BACKOFF_MS_DOC)
            .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.LOW, RETRY_BACKOFF_MAX_MS_DOC);

    private final AbstractConfig values;

    public SinkConfig(NewsflowConfig config) {
        this.values = config.parse(DEFINITION);
    }

    public String jdbcUrl() {
        String url = values.getString(JDBC_URL);
        if (url.isBlank()) {
            Path db = Path.of(values.getString(CommonConfig.DATA_DIR), "newsflow.db");
            return "jdbc:sqlite:" + db;
        }
        return url;
    }

    public String jdbcUser() {
        return values.getString(JDBC_USER);
    }

    public Password jdbcPassword() {
        return values.getPassword(JDBC_PASSWORD);
    }

    public String groupId() {
        return values.getString(GROUP_ID);
    }

    public String topic() {
        return values.getString(TOPIC);
    }

    public String revisionsTopic() {
        return values.getString(REVISIONS_TOPIC);
    }

    /** {@code newsflow.page.max.bytes}: the largest page, which bounds the largest article record the sink reads. */
    public int pageMaxBytes() {
        return values.getInt(CommonConfig.PAGE_MAX_BYTES);
    }

    public int batchSize() {
        return values.getInt(BATCH_SIZE);
    }

    public int writers() {
        return values.getInt(WRITERS);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(values.getLong(RETRY_BACKOFF_MS));
    }

    /** The back-off cap; never shorter than the first back-off. */
    public Duration retryBackoffMax() {
        return Duration.ofMillis(Math.max(values.getLong(RETRY_BACKOFF_MAX_MS), values.getLong(RETRY_BACKOFF_MS)));
    }
}
