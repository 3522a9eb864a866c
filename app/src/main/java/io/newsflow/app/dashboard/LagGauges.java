package io.newsflow.app.dashboard;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.metrics.MetricNames;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes {@link MetricNames#CONSUMER_LAG} for the consumer groups of the stages this process
 * runs, refreshed from the broker every few seconds on its own thread, so a slow broker never
 * blocks a scrape. Until a group has committed, its gauge is NaN (unknown, not zero).
 */
public final class LagGauges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LagGauges.class);

    private final Admin admin;
    private final ConsumerLag lag;
    private final Map<String, String> groupByStage;
    private final Map<String, Double> lagByStage = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("newsflow-lag"));

    /**
     * @param groupByStage stage name (e.g. {@code sink}) to its consumer group, in data-flow order
     */
    public LagGauges(Properties kafka, Map<String, String> groupByStage, MeterRegistry registry, Duration period) {
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        this.admin = Admin.create(props);
        this.lag = new ConsumerLag(admin, Duration.ofSeconds(5));
        this.groupByStage = new LinkedHashMap<>(groupByStage);
        groupByStage.forEach((stage, group) -> {
            lagByStage.put(stage, Double.NaN);
            Gauge.builder(MetricNames.CONSUMER_LAG, lagByStage, m -> m.getOrDefault(stage, Double.NaN))
                    .tags(MetricNames.TAG_STAGE, stage, MetricNames.TAG_GROUP, group)
                    .register(registry);
        });
        scheduler.scheduleWithFixedDelay(this::refresh, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            List<ConsumerLag.GroupLag> lags = lag.of(List.copyOf(groupByStage.values()));
            groupByStage.forEach((stage, group) -> lags.stream()
                    .filter(l -> l.group().equals(group))
                    .findFirst()
                    .ifPresent(l -> lagByStage.put(stage, l.partitions() == 0 ? Double.NaN : (double) l.lag())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the broker may be restarting; the gauges keep their last values and /ready says why
            LOG.debug("cannot read consumer lag: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
