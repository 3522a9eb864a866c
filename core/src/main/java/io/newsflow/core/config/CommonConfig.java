package io.newsflow.core.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Keys every newsflow process reads. */
public final class CommonConfig {

    public static final String BOOTSTRAP_SERVERS = "newsflow.kafka.bootstrap.servers";
    private static final String BOOTSTRAP_SERVERS_DOC = "Kafka bootstrap servers, host:port[,host:port...].";

    public static final String DATA_DIR = "newsflow.data.dir";
    private static final String DATA_DIR_DOC = "Directory for local state: the embedded broker, Streams state, SQLite.";

    public static final String PAGE_MAX_BYTES = "newsflow.page.max.bytes";
    private static final String PAGE_MAX_BYTES_DOC = "Largest page body kept, in bytes; larger bodies are truncated and flagged. Sizes the pages topic and producers.";

    public static final String HTTP_PORT = "newsflow.http.port";
    private static final String HTTP_PORT_DOC = "Port of the HTTP server (metrics, health, API, dashboard); 0 picks a free one.";

    public static final String HTTP_BIND = "newsflow.http.bind";
    private static final String HTTP_BIND_DOC = "Address the HTTP server binds to; localhost unless you mean to expose it.";

    public static final String HTTP_TOKEN = "newsflow.http.token";
    private static final String HTTP_TOKEN_DOC = "Bearer token every HTTP route but /health requires (Authorization: Bearer TOKEN); empty means no token. Never logged.";

    public static final String TOPIC_REPLICATION_FACTOR = "newsflow.topics.replication.factor";
    private static final String TOPIC_REPLICATION_FACTOR_DOC = "Replicas of every newsflow topic and of Kafka Streams' internal topics "
            + "(changelogs, repartition topics); -1 takes the cluster's default.replication.factor. 3 on a production cluster.";

    public static final String TOPIC_MIN_INSYNC_REPLICAS = "newsflow.topics.min.insync.replicas";
    private static final String TOPIC_MIN_INSYNC_REPLICAS_DOC = "min.insync.replicas of every newsflow topic and of Kafka Streams' internal "
            + "topics: the replicas a write (acks=all) must reach; -1 takes the cluster's setting. 2 with replication factor 3.";

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final int DEFAULT_PAGE_MAX_BYTES = 5 * 1024 * 1024;

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.STRING, DEFAULT_BOOTSTRAP_SERVERS, Importance.HIGH, BOOTSTRAP_SERVERS_DOC)
            .define(DATA_DIR, Type.STRING, "data", Importance.MEDIUM, DATA_DIR_DOC)
            .define(PAGE_MAX_BYTES, Type.INT, DEFAULT_PAGE_MAX_BYTES, Range.atLeast(1024), Importance.MEDIUM, PAGE_MAX_BYTES_DOC)
            .define(HTTP_PORT, Type.INT, 8080, Range.between(0, 65535), Importance.MEDIUM, HTTP_PORT_DOC)
            .define(HTTP_BIND, Type.STRING, "127.0.0.1", Importance.MEDIUM, HTTP_BIND_DOC)
            .define(HTTP_TOKEN, Type.PASSWORD, "", Importance.MEDIUM, HTTP_TOKEN_DOC)
            .define(TOPIC_REPLICATION_FACTOR, Type.INT, -1, Range.between(-1, Short.MAX_VALUE), Importance.MEDIUM, TOPIC_REPLICATION_FACTOR_DOC)
            .define(TOPIC_MIN_INSYNC_REPLICAS, Type.INT, -1, Range.atLeast(-1), Importance.MEDIUM, TOPIC_MIN_INSYNC_REPLICAS_DOC);

    private CommonConfig() {
    }
}
