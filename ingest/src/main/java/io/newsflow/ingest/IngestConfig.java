package io.newsflow.ingest;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The ingest stage's settings. */
public final class IngestConfig {

    public static final String START_URLS = "newsflow.ingest.start.urls";
    private static final String START_URLS_DOC = "Article URLs fetched at start and on every re-poll.";

    public static final String USER_AGENT = "newsflow.ingest.user.agent";
    private static final String USER_AGENT_DOC = "User-Agent header of every request; name the crawler and a contact URL.";

    public static final String FETCH_TIMEOUT_MS = "newsflow.ingest.fetch.timeout.ms";
    private static final String FETCH_TIMEOUT_MS_DOC = "Connect and read timeout of one request, in milliseconds.";

    public static final String REPOLL_INTERVAL_MS = "newsflow.ingest.repoll.interval.ms";
    private static final String REPOLL_INTERVAL_MS_DOC = "How often the start URLs are fetched again, in milliseconds.";

    public static final String DEFAULT_USER_AGENT = "newsflow/0.1 (+https://github.com/newsflow/newsflow)";

    public static final ConfigDef DEFINITION = new ConfigDef(CommonConfig.DEFINITION)
            .define(START_URLS, Type.LIST, List.of(), Importance.HIGH, START_URLS_DOC)
            .define(USER_AGENT, Type.STRING, DEFAULT_USER_AGENT, Importance.MEDIUM, USER_AGENT_DOC)
            .define(FETCH_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(1), Importance.MEDIUM, FETCH_TIMEOUT_MS_DOC)
            .define(REPOLL_INTERVAL_MS, Type.LONG, 600_000L, Range.atLeast(1), Importance.MEDIUM, REPOLL_INTERVAL_MS_DOC);

    private final Map<String, Object> values;

    public IngestConfig(NewsflowConfig config) {
        this.values = config.parse(DEFINITION);
    }

    @SuppressWarnings("unchecked")
    public List<String> startUrls() {
        return (List<String>) values.get(START_URLS);
    }

    public String userAgent() {
        return (String) values.get(USER_AGENT);
    }

    public Duration fetchTimeout() {
        return Duration.ofMillis((Integer) values.get(FETCH_TIMEOUT_MS));
    }

    public Duration repollInterval() {
        return Duration.ofMillis((Long) values.get(REPOLL_INTERVAL_MS));
    }

    public int pageMaxBytes() {
        return (Integer) values.get(CommonConfig.PAGE_MAX_BYTES);
    }
}
