package io.newsflow.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Link;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.HostKey;
import io.newsflow.enrich.revision.RevisitSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The revisit step: remembers every recent article by id and, on a wall-clock punctuation, publishes
 * a revisit link for each one that is due, keyed by host like every link, with the validators of its
 * latest fetch. After the schedule's last revisit the article is forgotten, which bounds the store
 * to the articles of the schedule's horizon.
 */
final class RevisitScheduler implements Processor<String, Extracted, String, Link> {

    private final String storeName;
    private final RevisitSchedule schedule;
    private final Duration checkInterval;
    private final Counter revisits;
    private ProcessorContext<String, Link> context;
    private KeyValueStore<String, RevisitEntry> store;

    RevisitScheduler(String storeName, RevisitSchedule schedule, Duration checkInterval, Counter revisits) {
        this.storeName = storeName;
        this.schedule = schedule;
        this.checkInterval = checkInterval;
        this.revisits = revisits;
    }

    @Override
    public void init(ProcessorContext<String, Link> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
        // wall clock: revisits fall due while no page arrives at all
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, now -> publishDue(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(Record<String, Extracted> record) {
        Page page = record.value().page();
        String id = ArticleId.of(page.canonicalUrl());
        RevisitEntry known = store.get(id);
        if (known != null) {
            // a revisit (or a feed) brought a new version: the next conditional GET uses its validators
            store.put(id, known.withValidators(page.etag(), page.lastModified()));
            return;
        }
        Instant first = schedule.due(page.fetchedAt(), 0);
        if (first != null) {
            store.put(id, new RevisitEntry(page.canonicalUrl(), page.source(), page.fetchedAt(), 0, first, page.etag(),
                    page.lastModified()));
        }
    }

    private void publishDue(Instant now) {
        List<KeyValue<String, RevisitEntry>> due = new ArrayList<>();
        try (KeyValueIterator<String, RevisitEntry> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, RevisitEntry> entry = all.next();
                if (!now.isBefore(entry.value.dueAt())) {
                    due.add(entry);
                }
            }
        }
        for (KeyValue<String, RevisitEntry> entry : due) {
            RevisitEntry article = entry.value;
            Link link = Link.revisit(article.url(), article.source(), now, article.etag(), article.lastModified());
            // key by host: one partition = one politeness queue, as for every link
            context.forward(new Record<>(HostKey.of(article.url()), link, now.toEpochMilli()));
            revisits.increment();
            // revisits missed while the job was down collapse into this one
            int step = article.step() + 1;
            Instant next = schedule.due(article.firstFetchedAt(), step);
            while (next != null && !now.isBefore(next)) {
                next = schedule.due(article.firstFetchedAt(), ++step);
            }
            if (next == null) {
                store.delete(entry.key);
            } else {
                store.put(entry.key, article.at(step, next));
            }
        }
    }
}
