package io.newsflow.enrich.topology;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.json.JsonSerde;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.EntityMention;
import io.newsflow.core.record.Page;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.Extraction;
import io.newsflow.enrich.tag.ArticleTagger;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the enrich topology; {@code main} and the tests both call {@link #build}.
 *
 * <pre>
 * newsflow.pages ─ extract ─ tag ─ version ─┬─ newsflow.articles  (key = article id)
 *   (key = canonical URL)             │     └─ mentions ─ newsflow.mentions (key = entity id)
 *                             article-versions store
 * </pre>
 *
 * Every processor, the store and so its changelog topic have fixed names, so an upgraded job
 * finds its state again. Pages are keyed by canonical URL and the article id is a function of it,
 * so all pages of one article share a partition and the versioning store needs no repartitioning.
 */
public final class EnrichTopology {

    /** The versioning store; its changelog is {@code <application id>-article-versions-changelog}. */
    public static final String VERSION_STORE = "article-versions";

    private EnrichTopology() {
    }

    public static void build(StreamsBuilder builder, EnrichConfig config, MeterRegistry registry) {
        build(builder, config, registry, new ArticleExtractor()::extract);
    }

    /** The seam for tests that need an extractor which fails on some page. */
    static void build(StreamsBuilder builder, EnrichConfig config, MeterRegistry registry, PageExtractor extractor) {
        EnrichMetrics metrics = new EnrichMetrics(registry);
        ArticleTagger tagger = ArticleTagger.shipped();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VERSION_STORE),
                Serdes.String(), new JsonSerde<>(VersionStamp.class)));
        KStream<String, Article> articles = builder
                .stream(Topics.PAGES.name(), Consumed.with(Topics.PAGES.keySerde(), Topics.PAGES.valueSerde())
                        .withName("pages-source"))
                .processValues(() -> new ExtractProcessor(extractor, metrics), Named.as("extract"))
                .processValues(() -> new TagProcessor(metrics, tagger), Named.as("tag"))
                .process(() -> new VersionProcessor(VERSION_STORE, metrics), Named.as("version"), VERSION_STORE);
        articles.to(Topics.ARTICLES.name(), Produced.with(Topics.ARTICLES.keySerde(), Topics.ARTICLES.valueSerde())
                .withName("articles-sink"));
        articles.flatMap((id, article) -> {
                    List<KeyValue<String, EntityMention>> mentions = mentionsOf(article);
                    metrics.mentionsOut.increment(mentions.size());
                    return mentions;
                }, Named.as("mentions"))
                .to(Topics.MENTIONS.name(), Produced.with(Topics.MENTIONS.keySerde(), Topics.MENTIONS.valueSerde())
                        .withName("mentions-sink"));
    }

    /** The article a page's extraction makes, as version 1; the version step renumbers it. */
    static Article toArticle(Page page, Extraction extraction, ArticleTagger tagger) {
        String text = extraction.text();
        ArticleTagger.Tags tags = tagger.tag(text);
        return new Article(ArticleId.of(page.canonicalUrl()), page.canonicalUrl(), page.source(),
                extraction.title(), extraction.authors(), extraction.publishedAt(), extraction.modifiedAt(),
                extraction.section(), extraction.lead(), extraction.language(), extraction.image(), text,
                wordCount(text), ArticleId.sha256Hex(text), 1, page.fetchedAt(), tags.countries(), tags.persons(),
                ArticleExtractor.VERSION, ArticleTagger.VERSION);
    }

    /** One mention record per (article, entity), keyed by entity id so a subscriber can follow one entity. */
    static List<KeyValue<String, EntityMention>> mentionsOf(Article article) {
        List<KeyValue<String, EntityMention>> mentions = new ArrayList<>();
        for (CountryTag country : article.countries()) {
            String entity = ArticleId.countryEntity(country.code());
            mentions.add(KeyValue.pair(entity, new EntityMention(article.id(), EntityMention.COUNTRY, entity,
                    country.name(), country.count(), article.publishedAt(), article.url(), article.title(),
                    article.version())));
        }
        for (PersonTag person : article.persons()) {
            String entity = ArticleId.personEntity(person.name());
            mentions.add(KeyValue.pair(entity, new EntityMention(article.id(), EntityMention.PERSON, entity,
                    person.name(), person.count(), article.publishedAt(), article.url(), article.title(),
                    article.version())));
        }
        return mentions;
    }

    static int wordCount(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = Character.isLetterOrDigit(text.charAt(i));
            if (letter && !inWord) {
                count++;
            }
            inWord = letter;
        }
        return count;
    }
}
