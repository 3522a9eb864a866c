package io.newsflow.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.core.metrics.MetricNames;
import java.time.Duration;

/** The meters of the enrich job, registered once per topology so every processor instance shares them. */
final class EnrichMetrics {

    final Counter recordsIn;
    final Counter articles;
    final Counter unchanged;
    final Counter notArticles;
    final Counter superseded;
    final Counter articlesOut;
    final Counter mentionsOut;
    final Timer latency;
    final Timer extract;
    final Timer tag;
    final Timer story;
    final Counter storyFirsts;
    final Counter storyCopies;
    final Timer lag;
    private final MeterRegistry registry;

    EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        recordsIn = registry.counter(MetricNames.ENRICH_RECORDS_IN);
        articles = outcome("article");
        unchanged = outcome("unchanged");
        notArticles = outcome("not_article");
        superseded = outcome("superseded");
        articlesOut = registry.counter(MetricNames.ENRICH_RECORDS_OUT, MetricNames.TAG_TOPIC, "articles");
        mentionsOut = registry.counter(MetricNames.ENRICH_RECORDS_OUT, MetricNames.TAG_TOPIC, "mentions");
        latency = Timer.builder(MetricNames.ENRICH_LATENCY).register(registry);
        extract = Timer.builder(MetricNames.ENRICH_STEP_DURATION).tag(MetricNames.TAG_STEP, "extract").register(registry);
        tag = Timer.builder(MetricNames.ENRICH_STEP_DURATION).tag(MetricNames.TAG_STEP, "tag").register(registry);
        story = Timer.builder(MetricNames.ENRICH_STEP_DURATION).tag(MetricNames.TAG_STEP, "story").register(registry);
        storyFirsts = registry.counter(MetricNames.ENRICH_STORIES, MetricNames.TAG_OUTCOME, "first");
        storyCopies = registry.counter(MetricNames.ENRICH_STORIES, MetricNames.TAG_OUTCOME, "copy");
        lag = Timer.builder(MetricNames.ENRICH_LAG).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    /** Counts a page that is not an article; {@code reason} is one of a few fixed words, never free text. */
    void skipped(SkipReason reason) {
        notArticles.increment();
        registry.counter(MetricNames.ENRICH_SKIPPED, MetricNames.TAG_REASON, reason.tag()).increment();
    }

    private Counter outcome(String outcome) {
        return registry.counter(MetricNames.ENRICH_RECORDS, MetricNames.TAG_OUTCOME, outcome);
    }
}
