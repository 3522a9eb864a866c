package io.newsflow.enrich.topology;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.newsflow.core.record.Article;
import io.newsflow.enrich.story.StoryIndex;
import io.newsflow.enrich.story.StorySigner;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * The story step: gives every article its {@code storyId} (the first article seen of its cluster of
 * near-duplicates) and, for a copy, its {@code storyOverlap}. It runs on the one partition of the
 * stories repartition topic, so every article is compared with every recent one.
 */
final class StoryProcessor implements FixedKeyProcessor<String, Article, Article> {

    private final String[] storeNames;
    private final StoryIndex.Settings settings;
    private final EnrichMetrics metrics;
    private FixedKeyProcessorContext<String, Article> context;
    private StoryIndex index;

    /** {@code storeNames}: the entries, bands and by-time stores, in that order. */
    StoryProcessor(String[] storeNames, StoryIndex.Settings settings, EnrichMetrics metrics) {
        this.storeNames = storeNames.clone();
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        this.index = new StoryIndex(context.getStateStore(storeNames[0]), context.getStateStore(storeNames[1]),
                context.getStateStore(storeNames[2]), new StorySigner(), settings);
    }

    @Override
    public void process(FixedKeyRecord<String, Article> record) {
        long start = System.nanoTime();
        Article article = record.value();
        StoryIndex.Assignment story = index.assign(article.id(), article.text(), article.fetchedAt().toEpochMilli());
        metrics.story.record(System.nanoTime() - start, NANOSECONDS);
        (story.copy() ? metrics.storyCopies : metrics.storyFirsts).increment();
        context.forward(record.withValue(article.withStory(story.storyId(), story.overlap())));
    }
}
