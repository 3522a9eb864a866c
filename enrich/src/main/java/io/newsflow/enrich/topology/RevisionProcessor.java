package io.newsflow.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleSnapshot;
import io.newsflow.core.record.Revision;
import io.newsflow.enrich.revision.ArticleDiff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The revisions step: compares each new version of an article with the one before and publishes a
 * {@link Revision} when what a reader sees changed (title, byline, dates, paragraphs). A new version
 * that differs only in tags, or comes from a new extractor, publishes nothing. Articles whose latest
 * version is older than the retention are forgotten, which bounds the store.
 */
final class RevisionProcessor implements Processor<String, Article, String, Revision> {

    private final String storeName;
    private final Duration retention;
    private final MeterRegistry registry;
    private ProcessorContext<String, Revision> context;
    private KeyValueStore<String, LastVersion> store;

    RevisionProcessor(String storeName, Duration retention, MeterRegistry registry) {
        this.storeName = storeName;
        this.retention = retention;
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<String, Revision> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        context.schedule(retention.dividedBy(24).isZero() ? retention : retention.dividedBy(24), PunctuationType.WALL_CLOCK_TIME,
                now -> forgetOlderThan(Instant.ofEpochMilli(now).minus(retention)));
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        ArticleSnapshot snapshot = ArticleSnapshot.of(article);
        LastVersion last = store.get(article.id());
        store.put(article.id(), new LastVersion(article.extractorVersion(), snapshot));
        if (last == null || !last.extractorVersion().equals(article.extractorVersion())
                || last.snapshot().sameContent(snapshot)) {
            return;
        }
        Revision.Changes changes = ArticleDiff.between(last.snapshot(), snapshot);
        Revision revision = new Revision(article.id(), article.url(), article.source(), last.snapshot().version(),
                article.version(), Instant.ofEpochMilli(context.currentSystemTimeMs()), last.snapshot(), snapshot, changes);
        context.forward(record.withKey(article.id()).withValue(revision));
        for (String field : changes.fields()) {
            counter(field).increment();
        }
    }

    private Counter counter(String field) {
        return registry.counter(MetricNames.ENRICH_REVISIONS, MetricNames.TAG_FIELD, field);
    }

    private void forgetOlderThan(Instant horizon) {
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, LastVersion> all = store.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                if (entry.value.snapshot().fetchedAt().isBefore(horizon)) {
                    old.add(entry.key);
                }
            }
        }
        old.forEach(store::delete);
    }
}
