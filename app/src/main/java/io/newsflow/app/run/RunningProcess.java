package io.newsflow.app.run;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.app.broker.TopicSettings;
import io.newsflow.app.dashboard.Dashboard;
import io.newsflow.app.dashboard.StageGroups;
import io.newsflow.app.dashboard.ThroughputSampler;
import io.newsflow.app.demo.DemoSite;
import io.newsflow.app.http.AdminServer;
import io.newsflow.app.http.ArticleApi;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.lifecycle.StartedResources;
import io.newsflow.core.metrics.CatalogueFilter;
import io.newsflow.core.metrics.FreshnessHistogram;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.jdbc.Database;
import io.newsflow.sink.query.ArticleQueries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.clients.admin.Admin;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One newsflow process: optionally an embedded broker and the demo site, the stages it runs, the
 * HTTP server with the dashboard, and the status line. Closing it stops everything in reverse order of starting.
 */
public final class RunningProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningProcess.class);

    private final StartedResources started = new StartedResources();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private NewsflowConfig config;
    private @Nullable EmbeddedKafka broker;
    private @Nullable DemoSite demo;
    private @Nullable Pipeline pipeline;
    private @Nullable AdminServer http;

    private RunningProcess(NewsflowConfig config) {
        this.config = config;
        // first: filters only shape meters registered after them
        registry.config().meterFilter(new CatalogueFilter()).meterFilter(new FreshnessHistogram())
                // Kafka Streams' process UUID, new at every start: as a label it would begin new series each time
                .meterFilter(MeterFilter.ignoreTags("process.id"));
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /**
     * Starts a process.
     *
     * @param embeddedKafkaPort when not null, start an embedded broker on this port and use it
     * @param withDemo serve the bundled demo site and crawl it
     */
    public static RunningProcess start(NewsflowConfig config, Set<Stage> stages,
            @Nullable Integer embeddedKafkaPort, boolean withDemo) {
        RunningProcess process = new RunningProcess(config);
        try {
            process.startAll(stages, embeddedKafkaPort, withDemo);
            return process;
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    private void startAll(Set<Stage> stages, @Nullable Integer embeddedKafkaPort, boolean withDemo) {
        AbstractConfig common = config.parse(CommonConfig.DEFINITION);
        int pageMaxBytes = common.getInt(CommonConfig.PAGE_MAX_BYTES);
        if (embeddedKafkaPort != null) {
            Path logDir = Path.of(common.getString(CommonConfig.DATA_DIR), "kafka");
            broker = EmbeddedKafka.start(logDir, embeddedKafkaPort, KafkaClients.maxMessageBytes(pageMaxBytes));
            started.add(broker);
            config = config.with(Map.of(CommonConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers()));
        }
        if (withDemo) {
            demo = DemoSite.startOnDefaultPort();
            started.add(demo);
            // crawled as any site is: through its feed, and the sitemap its robots.txt lists
            config = config.with(Map.of(
                    IngestConfig.SOURCES, List.of(
                            Map.of("name", "demo-feed", "type", "feed", "url", demo.baseUrl() + "feed.xml"),
                            Map.of("name", "demo-sitemaps", "type", "robots", "url", demo.baseUrl() + "robots.txt")),
                    IngestConfig.ALLOW_PRIVATE, true));
            LOG.info("demo site serving {} articles at {}", DemoSite.ARTICLES.size(), demo.baseUrl());
        }
        TopicBootstrap.ensureTopics(config.kafkaClientProperties(), TopicSettings.of(config));
        // the charts sample from before the stages start: a first crawl can finish before the last stage is up
        Map<String, String> groups = StageGroups.of(config, stages);
        ThroughputSampler sampler = ThroughputSampler.start(registry, List.copyOf(groups.keySet()));
        started.add(sampler);
        pipeline = Pipeline.start(config, registry, stages);
        started.add(pipeline);
        Map<String, BooleanSupplier> dependencies = new LinkedHashMap<>();
        dependencies.put("broker", this::brokerReachable);
        ArticleQueries articles = null;
        if (stages.contains(Stage.SINK)) {
            SinkConfig sink = new SinkConfig(config);
            Database database = Database.of(sink.jdbcUrl(), sink.jdbcUser(), sink.jdbcPassword().value());
            dependencies.put("storage", () -> reachable(database));
            articles = new ArticleQueries(database);
            started.add(articles);
        }
        http = AdminServer.start(common.getString(CommonConfig.HTTP_BIND), common.getInt(CommonConfig.HTTP_PORT),
                registry, pipeline.services(), dependencies, common.getPassword(CommonConfig.HTTP_TOKEN).value());
        started.add(http);
        started.add(Dashboard.start(http, config, registry, pipeline.services(), sampler, groups));
        if (articles != null) {
            http.route(ArticleApi.PATH, new ArticleApi(articles));
        }
        StatusReporter status = new StatusReporter(registry, 5);
        started.add(status);
        LOG.info("newsflow running: Kafka {}, HTTP http://{}:{}/", config.kafkaClientProperties().get("bootstrap.servers"),
                common.getString(CommonConfig.HTTP_BIND), http.port());
    }

    private boolean brokerReachable() {
        java.util.Properties props = config.kafkaClientProperties();
        props.put("request.timeout.ms", "3000");
        props.put("default.api.timeout.ms", "3000");
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster().nodes().get(3, java.util.concurrent.TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean reachable(Database database) {
        try (Connection connection = database.open()) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    public NewsflowConfig config() {
        return config;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public @Nullable EmbeddedKafka broker() {
        return broker;
    }

    public @Nullable DemoSite demo() {
        return demo;
    }

    public int httpPort() {
        return http == null ? -1 : http.port();
    }

    /** Blocks until {@link #close()} has finished, e.g. from a shutdown hook. */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public synchronized void close() {
        started.close();
        stopped.countDown();
    }
}
