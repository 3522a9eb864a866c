package io.newsflow.app.run;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.lifecycle.Service;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.topology.EnrichService;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.ingest.IngestService;
import io.newsflow.sink.SinkConfig;
import io.newsflow.sink.consume.SinkService;
import io.newsflow.sink.jdbc.ArticleStore;
import io.newsflow.sink.jdbc.Database;
import io.newsflow.sink.jdbc.ParallelArticleStore;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stages of one process, started in data-flow order and stopped in the same order, so each
 * stage drains what the one before it produced. The broker is not part of it: the pipeline only
 * needs {@code newsflow.kafka.bootstrap.servers}.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final List<Service> services;
    private final List<AutoCloseable> resources;

    private Pipeline(List<Service> services, List<AutoCloseable> resources) {
        this.services = services;
        this.resources = resources;
    }

    /** Starts the given stages; on failure the ones already started are closed again. */
    public static Pipeline start(NewsflowConfig config, MeterRegistry registry, Set<Stage> stages) {
        requireNonNull(config, "config");
        Properties kafka = config.kafkaClientProperties();
        List<Service> services = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        Pipeline pipeline = new Pipeline(services, resources);
        try {
            for (Stage stage : EnumSet.copyOf(stages)) {
                Service service = switch (stage) {
                    case INGEST -> new IngestService(new IngestConfig(config), kafka, registry, Clock.systemUTC());
                    case ENRICH -> new EnrichService(new EnrichConfig(config), kafka, registry);
                    case SINK -> {
                        SinkConfig sink = new SinkConfig(config);
                        ArticleStore store = ParallelArticleStore.open(
                                Database.of(sink.jdbcUrl(), sink.jdbcUser(), sink.jdbcPassword().value()), sink.writers());
                        resources.add(store);
                        yield new SinkService(sink, kafka, store, registry, Clock.systemUTC());
                    }
                };
                service.start();
                services.add(service);
                LOG.info("stage {} started", service.name());
            }
            return pipeline;
        } catch (SQLException e) {
            pipeline.close();
            throw new IllegalStateException("cannot open the store: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    public List<Service> services() {
        return Collections.unmodifiableList(services);
    }

    @Override
    public void close() {
        for (Service service : services) {
            try {
                service.close();
                LOG.info("stage {} stopped", service.name());
            } catch (RuntimeException e) {
                LOG.warn("stage {} did not stop cleanly: {}", service.name(), e.toString());
            }
        }
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("cannot close {}: {}", resource, e.toString());
            }
        }
    }
}
