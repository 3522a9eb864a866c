package io.newsflow.enrich.topology;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.PersonForm;
import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.enrich.tag.person.PersonRegistry;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The tag step: an extracted page becomes an {@link Article} with its country and person mentions,
 * its bare person names linked to the people the global person store knows.
 */
final class TagProcessor implements FixedKeyProcessor<String, Extracted, Article> {

    private final EnrichMetrics metrics;
    private final ArticleTagger tagger;
    private final String personStore;
    private FixedKeyProcessorContext<String, Article> context;
    private PersonRegistry.Known persons;

    TagProcessor(EnrichMetrics metrics, ArticleTagger tagger, String personStore) {
        this.metrics = metrics;
        this.tagger = tagger;
        this.personStore = personStore;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Article> context) {
        this.context = context;
        KeyValueStore<String, PersonForm> store = context.getStateStore(personStore);
        persons = new StoredPersons(store);
    }

    @Override
    public void process(FixedKeyRecord<String, Extracted> record) {
        long start = System.nanoTime();
        Extracted extracted = record.value();
        Article article = EnrichTopology.toArticle(extracted.page(), extracted.extraction(), tagger, persons);
        metrics.tag.record(System.nanoTime() - start, NANOSECONDS);
        context.forward(record.withValue(article));
    }
}
