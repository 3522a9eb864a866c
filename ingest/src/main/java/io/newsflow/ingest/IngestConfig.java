package io.newsflow.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.ingest.source.SourceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** The ingest stage's settings: sources, politeness, fetch limits and the SSRF allow-list. */
public final class IngestConfig {

    public static final String SOURCES = "newsflow.ingest.sources";
    private static final String SOURCES_DOC = "Sources to poll: a YAML list of {name, type: feed|sitemap|robots|listing, url, interval.ms, include, exclude}.";

    public static final String START_URLS = "newsflow.ingest.start.urls";
    private static final String START_URLS_DOC = "Article URLs queued once at start (skipped when already known and not due).";

    public static final String USER_AGENT = "newsflow.ingest.user.agent";
    private static final String USER_AGENT_DOC = "User-Agent header of every request; name the crawler and a contact URL. Its first word is the robots.txt agent name.";

    public static final String GROUP_ID = "newsflow.ingest.group.id";
    private static final String GROUP_ID_DOC = "Consumer group of the fetchers; instances sharing it share the hosts.";

    public static final String FETCH_THREADS = "newsflow.ingest.fetch.threads";
    private static final String FETCH_THREADS_DOC = "Concurrent fetches per instance, each on a different host.";

    public static final String FETCH_DELAY_MS = "newsflow.ingest.fetch.delay.ms";
    private static final String FETCH_DELAY_MS_DOC = "Least time between two requests to one host, in milliseconds (robots.txt crawl-delay may raise it).";

    public static final String CONNECT_TIMEOUT_MS = "newsflow.ingest.fetch.connect.timeout.ms";
    private static final String CONNECT_TIMEOUT_MS_DOC = "Longest wait for a connection, in milliseconds.";

    public static final String READ_TIMEOUT_MS = "newsflow.ingest.fetch.read.timeout.ms";
    private static final String READ_TIMEOUT_MS_DOC = "Longest silence while waiting for response bytes, in milliseconds.";

    public static final String TOTAL_TIMEOUT_MS = "newsflow.ingest.fetch.total.timeout.ms";
    private static final String TOTAL_TIMEOUT_MS_DOC = "Longest a whole fetch may take, redirects included, in milliseconds; bounds servers that trickle.";

    public static final String MAX_REDIRECTS = "newsflow.ingest.fetch.max.redirects";
    private static final String MAX_REDIRECTS_DOC = "Most redirects followed per fetch.";

    public static final String BACKOFF_MS = "newsflow.ingest.fetch.backoff.ms";
    private static final String BACKOFF_MS_DOC = "First back-off of a host after a 5xx, 429 or timeout, in milliseconds; doubles per consecutive failure.";

    public static final String BACKOFF_MAX_MS = "newsflow.ingest.fetch.backoff.max.ms";
    private static final String BACKOFF_MAX_MS_DOC = "Longest back-off of a host, in milliseconds.";

    public static final String QUEUE_MAX = "newsflow.ingest.fetch.queue.max";
    private static final String QUEUE_MAX_DOC = "Links held in memory per instance before it stops consuming newsflow.links for a while.";
    public static final String QUEUE_HOST_MAX = "newsflow.ingest.fetch.queue.host.max";
    private static final String QUEUE_HOST_MAX_DOC = "Links of one host held in memory; the rest wait in newsflow.links and are read again as the "
            + "host drains, so a giant host does not hold back the other hosts of its partition.";

    public static final String ALLOW_PRIVATE = "newsflow.ingest.fetch.allow.private";
    private static final String ALLOW_PRIVATE_DOC = "Open the SSRF guard completely: fetch loopback, private and link-local addresses (a local site, tests).";

    public static final String ALLOW_HOSTS = "newsflow.ingest.fetch.allow.hosts";
    private static final String ALLOW_HOSTS_DOC = "Hosts (host or host:port) the SSRF guard lets through even when they resolve to non-public addresses.";

    public static final String REFETCH_INTERVAL_MS = "newsflow.ingest.refetch.interval.ms";
    private static final String REFETCH_INTERVAL_MS_DOC = "A fetched page rediscovered after this long is fetched again (conditionally), in milliseconds.";

    public static final String RETRY_INTERVAL_MS = "newsflow.ingest.retry.interval.ms";
    private static final String RETRY_INTERVAL_MS_DOC = "A URL whose fetch failed is tried again when rediscovered after this long, in milliseconds.";

    public static final String ROBOTS_CACHE_MS = "newsflow.ingest.robots.cache.ms";
    private static final String ROBOTS_CACHE_MS_DOC = "How long a host's robots.txt is kept, in milliseconds (RFC 9309: at most a day).";

    public static final String ROBOTS_ERROR_RETRY_MS = "newsflow.ingest.robots.error.retry.ms";
    private static final String ROBOTS_ERROR_RETRY_MS_DOC = "After robots.txt answered 5xx or not at all, the host stays disallowed this long before robots.txt is retried, in milliseconds.";

    public static final String CRAWL_DELAY_MAX_MS = "newsflow.ingest.robots.crawl.delay.max.ms";
    private static final String CRAWL_DELAY_MAX_MS_DOC = "Largest robots.txt crawl-delay honoured, in milliseconds.";

    public static final String SOURCE_INTERVAL_MS = "newsflow.ingest.source.interval.ms";
    private static final String SOURCE_INTERVAL_MS_DOC = "Default poll interval of a source without interval.ms, in milliseconds.";

    public static final String SOURCE_BACKOFF_MAX_MS = "newsflow.ingest.source.backoff.max.ms";
    private static final String SOURCE_BACKOFF_MAX_MS_DOC = "Longest wait before a failing source is polled again, in milliseconds.";

    public static final String STATE_CACHE_BYTES = "newsflow.ingest.state.cache.bytes";
    private static final String STATE_CACHE_BYTES_DOC = "Block cache shared by the crawler state of all owned partitions (RocksDB), in bytes.";

    public static final String STATE_WRITE_BUFFER_BYTES = "newsflow.ingest.state.write.buffer.bytes";
    private static final String STATE_WRITE_BUFFER_BYTES_DOC = "Write buffers shared by the crawler state of all owned partitions, in bytes; charged to the block cache.";

    public static final String STATE_RETENTION_MS = "newsflow.ingest.state.retention.ms";
    private static final String STATE_RETENTION_MS_DOC = "A URL no source has listed and that was not fetched for this long is dropped from the crawler state and tombstoned, in milliseconds.";

    public static final String STATE_RETENTION_SWEEP_MS = "newsflow.ingest.state.retention.sweep.ms";
    private static final String STATE_RETENTION_SWEEP_MS_DOC = "How often the crawler state is swept for URLs past the retention, in milliseconds.";

    public static final String DEFAULT_USER_AGENT = "newsflow/0.1 (+https://github.com/newsflow/newsflow)";
    /** The bundled sources {@code newsflow up} polls when given none. */
    public static final String DEFAULT_SOURCES_RESOURCE = "io/newsflow/ingest/default-sources.yaml";

    public static final ConfigDef DEFINITION = new ConfigDef(CommonConfig.DEFINITION)
            .define(SOURCES, Type.LIST, List.of(), Importance.HIGH, SOURCES_DOC)
            .define(START_URLS, Type.LIST, List.of(), Importance.MEDIUM, START_URLS_DOC)
            .define(USER_AGENT, Type.STRING, DEFAULT_USER_AGENT, Importance.HIGH, USER_AGENT_DOC)
            .define(GROUP_ID, Type.STRING, "newsflow-ingest", Importance.MEDIUM, GROUP_ID_DOC)
            .define(FETCH_THREADS, Type.INT, 8, Range.between(1, 256), Importance.MEDIUM, FETCH_THREADS_DOC)
            .define(FETCH_DELAY_MS, Type.LONG, 1_000L, Range.atLeast(0), Importance.HIGH, FETCH_DELAY_MS_DOC)
            .define(CONNECT_TIMEOUT_MS, Type.INT, 10_000, Range.atLeast(1), Importance.MEDIUM, CONNECT_TIMEOUT_MS_DOC)
            .define(READ_TIMEOUT_MS, Type.INT, 20_000, Range.atLeast(1), Importance.MEDIUM, READ_TIMEOUT_MS_DOC)
            .define(TOTAL_TIMEOUT_MS, Type.INT, 60_000, Range.atLeast(1), Importance.MEDIUM, TOTAL_TIMEOUT_MS_DOC)
            .define(MAX_REDIRECTS, Type.INT, 5, Range.between(0, 20), Importance.LOW, MAX_REDIRECTS_DOC)
            .define(BACKOFF_MS, Type.LONG, 5_000L, Range.atLeast(0), Importance.LOW, BACKOFF_MS_DOC)
            .define(BACKOFF_MAX_MS, Type.LONG, 600_000L, Range.atLeast(0), Importance.LOW, BACKOFF_MAX_MS_DOC)
            .define(QUEUE_MAX, Type.INT, 10_000, Range.atLeast(1), Importance.LOW, QUEUE_MAX_DOC)
            .define(QUEUE_HOST_MAX, Type.INT, 1_000, Range.atLeast(1), Importance.LOW, QUEUE_HOST_MAX_DOC)
            .define(ALLOW_PRIVATE, Type.BOOLEAN, false, Importance.MEDIUM, ALLOW_PRIVATE_DOC)
            .define(ALLOW_HOSTS, Type.LIST, List.of(), Importance.MEDIUM, ALLOW_HOSTS_DOC)
            .define(REFETCH_INTERVAL_MS, Type.LONG, 86_400_000L, Range.atLeast(0), Importance.MEDIUM, REFETCH_INTERVAL_MS_DOC)
            .define(RETRY_INTERVAL_MS, Type.LONG, 3_600_000L, Range.atLeast(0), Importance.LOW, RETRY_INTERVAL_MS_DOC)
            .define(ROBOTS_CACHE_MS, Type.LONG, 86_400_000L, Range.atLeast(0), Importance.LOW, ROBOTS_CACHE_MS_DOC)
            .define(ROBOTS_ERROR_RETRY_MS, Type.LONG, 300_000L, Range.atLeast(0), Importance.LOW, ROBOTS_ERROR_RETRY_MS_DOC)
            .define(CRAWL_DELAY_MAX_MS, Type.LONG, 30_000L, Range.atLeast(0), Importance.LOW, CRAWL_DELAY_MAX_MS_DOC)
            .define(SOURCE_INTERVAL_MS, Type.LONG, 600_000L, Range.atLeast(1), Importance.MEDIUM, SOURCE_INTERVAL_MS_DOC)
            .define(SOURCE_BACKOFF_MAX_MS, Type.LONG, 21_600_000L, Range.atLeast(1), Importance.LOW, SOURCE_BACKOFF_MAX_MS_DOC)
            .define(STATE_CACHE_BYTES, Type.LONG, 64L * 1024 * 1024, Range.atLeast(1024 * 1024), Importance.MEDIUM, STATE_CACHE_BYTES_DOC)
            .define(STATE_WRITE_BUFFER_BYTES, Type.LONG, 16L * 1024 * 1024, Range.atLeast(1024 * 1024), Importance.LOW,
                    STATE_WRITE_BUFFER_BYTES_DOC)
            .define(STATE_RETENTION_MS, Type.LONG, 180L * 24 * 3_600_000, Range.atLeast(1), Importance.MEDIUM, STATE_RETENTION_MS_DOC)
            .define(STATE_RETENTION_SWEEP_MS, Type.LONG, 3_600_000L, Range.atLeast(1), Importance.LOW, STATE_RETENTION_SWEEP_MS_DOC);

    private final AbstractConfig values;
    private final List<SourceSpec> sources;

    public IngestConfig(NewsflowConfig config) {
        this.values = config.parse(DEFINITION);
        this.sources = parseSources(values.values().get(SOURCES), duration(SOURCE_INTERVAL_MS));
    }

    private static List<SourceSpec> parseSources(Object raw, Duration defaultInterval) {
        List<SourceSpec> specs = new ArrayList<>();
        List<?> entries = (List<?>) raw;
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new ConfigException(SOURCES, entries.get(i), "each source must be a mapping with name, type and url");
            }
            try {
                specs.add(SourceSpec.fromConfig(entry, i, defaultInterval));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("invalid configuration: " + SOURCES + ": " + e.getMessage());
            }
        }
        return List.copyOf(specs);
    }

    /** The bundled default sources: a few public news and commentary feeds. */
    public static List<Map<String, Object>> defaultSources() {
        try (InputStream in = IngestConfig.class.getClassLoader().getResourceAsStream(DEFAULT_SOURCES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_SOURCES_RESOURCE);
            }
            Map<?, ?> root = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
            List<Map<String, Object>> sources = new ArrayList<>();
            for (Object entry : (List<?>) root.get("sources")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) entry;
                sources.add(map);
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<SourceSpec> sources() {
        return sources;
    }

    public List<String> startUrls() {
        return values.getList(START_URLS);
    }

    public String userAgent() {
        return values.getString(USER_AGENT);
    }

    /** The robots.txt agent name: the User-Agent's product token, e.g. {@code newsflow}. */
    public String robotsAgentName() {
        String token = userAgent().trim().split("[/\\s]", 2)[0];
        return token.isEmpty() ? "newsflow" : token;
    }

    public String groupId() {
        return values.getString(GROUP_ID);
    }

    public int fetchThreads() {
        return values.getInt(FETCH_THREADS);
    }

    public Duration fetchDelay() {
        return duration(FETCH_DELAY_MS);
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(values.getInt(CONNECT_TIMEOUT_MS));
    }

    public Duration readTimeout() {
        return Duration.ofMillis(values.getInt(READ_TIMEOUT_MS));
    }

    public Duration totalTimeout() {
        return Duration.ofMillis(values.getInt(TOTAL_TIMEOUT_MS));
    }

    public int maxRedirects() {
        return values.getInt(MAX_REDIRECTS);
    }

    public Duration backoff() {
        return duration(BACKOFF_MS);
    }

    public Duration backoffMax() {
        return duration(BACKOFF_MAX_MS);
    }

    public int queueMax() {
        return values.getInt(QUEUE_MAX);
    }

    public int queueHostMax() {
        return values.getInt(QUEUE_HOST_MAX);
    }

    public boolean allowPrivate() {
        return values.getBoolean(ALLOW_PRIVATE);
    }

    public List<String> allowHosts() {
        return values.getList(ALLOW_HOSTS);
    }

    public Duration refetchInterval() {
        return duration(REFETCH_INTERVAL_MS);
    }

    public Duration retryInterval() {
        return duration(RETRY_INTERVAL_MS);
    }

    public Duration robotsCache() {
        return duration(ROBOTS_CACHE_MS);
    }

    public Duration robotsErrorRetry() {
        return duration(ROBOTS_ERROR_RETRY_MS);
    }

    public Duration crawlDelayMax() {
        return duration(CRAWL_DELAY_MAX_MS);
    }

    public Duration sourceBackoffMax() {
        return duration(SOURCE_BACKOFF_MAX_MS);
    }

    public long stateCacheBytes() {
        return values.getLong(STATE_CACHE_BYTES);
    }

    public long stateWriteBufferBytes() {
        return values.getLong(STATE_WRITE_BUFFER_BYTES);
    }

    public Duration stateRetention() {
        return duration(STATE_RETENTION_MS);
    }

    public Duration stateRetentionSweep() {
        return duration(STATE_RETENTION_SWEEP_MS);
    }

    /** Where the crawler state of owned partitions lives: {@code <newsflow.data.dir>/ingest-state}. */
    public java.nio.file.Path stateDir() {
        return java.nio.file.Path.of(values.getString(CommonConfig.DATA_DIR), "ingest-state");
    }

    public int pageMaxBytes() {
        return values.getInt(CommonConfig.PAGE_MAX_BYTES);
    }

    private Duration duration(String key) {
        return Duration.ofMillis(values.getLong(key));
    }
}
