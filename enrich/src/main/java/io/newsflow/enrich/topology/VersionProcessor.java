package io.newsflow.enrich.topology;

import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The version step: keeps, per article id, the fingerprint and number of the latest version. A page
 * whose article is unchanged emits nothing; a changed one emits the next version, keyed by article id.
 *
 * <p>The store also remembers the offset of the last page processed for each article. Offsets only
 * grow, and under exactly-once a crash rolls the store back together with the consumer position,
 * so a page at or before the remembered offset can only mean the input was rewound on purpose
 * ({@code newsflow reprocess}). Then older pages of the article are skipped as superseded and the
 * latest one is re-enriched and emitted as a new version even if nothing changed: version numbers
 * keep growing, so subscribers and the version-guarded sink accept the re-enriched articles.
 */
final class VersionProcessor implements Processor<String, Article, String, Article> {

    /** What to do with a page, given what the store remembers of its article. */
    enum Decision {
        /** First version, or the content changed: emit the next version. */
        EMIT,
        /** The latest page replayed by a reprocess: emit the next version even if unchanged. */
        REPLAYED,
        /** Same fingerprint as the latest version: emit nothing. */
        UNCHANGED,
        /** An older page replayed by a reprocess: a later page of the article exists; emit nothing. */
        SUPERSEDED
    }

    private final String storeName;
    private final EnrichMetrics metrics;
    private ProcessorContext<String, Article> context;
    private KeyValueStore<String, VersionStamp> store;

    VersionProcessor(String storeName, EnrichMetrics metrics) {
        this.storeName = storeName;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        RecordMetadata source = context.recordMetadata()
                .orElseThrow(() -> new IllegalStateException("version step needs the source offset of each page"));
        VersionStamp last = store.get(article.id());
        String fingerprint = fingerprint(article);
        switch (decide(last, fingerprint, source.partition(), source.offset())) {
            case SUPERSEDED -> metrics.superseded.increment();
            case UNCHANGED -> {
                store.put(article.id(), last.seenAt(source.partition(), source.offset()));
                metrics.unchanged.increment();
            }
            case EMIT, REPLAYED -> {
                int version = last == null ? 1 : last.version() + 1;
                store.put(article.id(), new VersionStamp(fingerprint, version, source.partition(), source.offset()));
                context.forward(record.withKey(article.id()).withValue(article.withVersion(version)));
                metrics.articles.increment();
                metrics.articlesOut.increment();
                Duration lag = Duration.between(article.fetchedAt(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
                metrics.lag.record(lag.isNegative() ? Duration.ZERO : lag);
            }
        }
    }

    static Decision decide(@Nullable VersionStamp last, String fingerprint, int partition, long offset) {
        if (last == null) {
            return Decision.EMIT;
        }
        // offsets of different partitions are not comparable (the pages topic was repartitioned)
        if (last.partition() == partition && offset <= last.offset()) {
            return offset == last.offset() ? Decision.REPLAYED : Decision.SUPERSEDED;
        }
        return fingerprint.equals(last.fingerprint()) ? Decision.UNCHANGED : Decision.EMIT;
    }

    /**
     * Hex SHA-256 over what a reader or subscriber sees: text, metadata, tags and the versions that
     * produced them. Not the fetch time or discovering source, so a refetch of the same content is
     * unchanged; the extractor and tagger versions, so an upgrade re-emits articles it touches. Not
     * the persons' entity ids: the person registry learns between two fetches, and a bare name it
     * can now link is no edit of the article, whose published version keeps the ids it was given.
     */
    static String fingerprint(Article a) {
        List<List<Object>> persons = a.persons().stream()
                .map(p -> Arrays.<Object>asList(p.name(), p.count(), p.mentions())).toList();
        byte[] json = JsonCodec.encode(Arrays.asList(a.title(), a.authors(), a.publishedAt(), a.modifiedAt(),
                a.section(), a.lead(), a.language(), a.image(), a.text(), a.countries(), persons,
                a.extractorVersion(), a.taggerVersion()));
        return ArticleId.sha256Hex(json);
    }
}
