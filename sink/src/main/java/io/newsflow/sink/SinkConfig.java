package io.newsflow.sink;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import java.nio.file.Path;
import java.util.Map;
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

    public static final String BATCH_SIZE = "newsflow.sink.batch.size";
    private static final String BATCH_SIZE_DOC = "Most records written in one database transaction.";

    public static final ConfigDef DEFINITION = new ConfigDef(CommonConfig.DEFINITION)
            .define(JDBC_URL, Type.STRING, "", Importance.HIGH, JDBC_URL_DOC)
            .define(JDBC_USER, Type.STRING, "", Importance.MEDIUM, JDBC_USER_DOC)
            .define(JDBC_PASSWORD, Type.PASSWORD, "", Importance.MEDIUM, JDBC_PASSWORD_DOC)
            .define(GROUP_ID, Type.STRING, "newsflow-sink", Importance.MEDIUM, GROUP_ID_DOC)
            .define(BATCH_SIZE, Type.INT, 500, Range.atLeast(1), Importance.LOW, BATCH_SIZE_DOC);

    private final Map<String, Object> values;

    public SinkConfig(NewsflowConfig config) {
        this.values = config.parse(DEFINITION);
    }

    public String jdbcUrl() {
        String url = (String) values.get(JDBC_URL);
        if (url.isBlank()) {
            Path db = Path.of((String) values.get(CommonConfig.DATA_DIR), "newsflow.db");
            return "jdbc:sqlite:" + db;
        }
        return url;
    }

    public String jdbcUser() {
        return (String) values.get(JDBC_USER);
    }

    public Password jdbcPassword() {
        return (Password) values.get(JDBC_PASSWORD);
    }

    public String groupId() {
        return (String) values.get(GROUP_ID);
    }

    public int batchSize() {
        return (Integer) values.get(BATCH_SIZE);
    }
}
