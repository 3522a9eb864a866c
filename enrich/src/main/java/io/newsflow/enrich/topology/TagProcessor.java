package io.newsflow.enrich.topology;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.newsflow.core.record.Article;
import io.newsflow.enrich.tag.ArticleTagger;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** The tag step: an extracted page becomes an {@link Article} with its country and person mentions. */
final class TagProcessor implements FixedKeyProcessor<String, Extracted, Article> {

    private final EnrichMetrics metrics;
    private final ArticleTagger tagger;
    private FixedKeyProcessorContext<String, Article> context;

    TagProcessor(EnrichMetrics metrics, ArticleTagger tagger) {
        this.metrics = metrics;
        this.tagger = tagger;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, Extracted> record) {
        long start = System.nanoTime();
        Extracted extracted = record.value();
        Article article = EnrichTopology.toArticle(extracted.page(), extracted.extraction(), tagger);
        metrics.tag.record(System.nanoTime() - start, NANOSECONDS);
        context.forward(record.withValue(article));
    }
}
