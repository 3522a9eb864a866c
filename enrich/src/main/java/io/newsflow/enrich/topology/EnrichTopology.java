package io.newsflow.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.metrics.MetricNames;
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
import io.newsflow.enrich.health.PageInspector;
import io.newsflow.enrich.health.SourceGauges;
import io.newsflow.enrich.health.SourceHealthState;
import io.newsflow.enrich.health.SourceSignal;
import io.newsflow.enrich.story.StoryEntrySerde;
import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.enrich.tag.person.PersonRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the enrich topology; {@code main} and the tests both call {@link #build}.
 *
 * <pre>
 * newsflow.pages ─ extract ─ articles-only ─ tag ─ version ─┬─ stories repartition (1 partition) ─ story ─ newsflow.articles
 *   (key = canonical URL)        │                  │       │   story-signatures, story-bands, story-times stores  (key = article id)
 *                                │                  │       ├─ mentions ─ newsflow.mentions (key = entity id)
 *                                │    article-versions store └─ revisions ─ newsflow.revisions (key = article id)
 *                                └─ revisit ─ newsflow.links (refetch=true, key = host)   article-last-versions store
 *                                   revisit-schedule store (wall-clock punctuation)
 *
 * version ─ person-forms ─ newsflow.persons (compacted, key = form|entity id) ─ global person-registry store ─ read by tag
 *
 * extract ─ page-signals ─┐                                 (key = source name)
 * version 1 ─ stored-signals ┴─ source-signals repartition ─┬─ source-health ─ newsflow.source-health
 * newsflow.source-polls ─ poll-signals ─────────────────────┘   source-health-state store
 * </pre>
 *
 * Every processor, the store and so its changelog topic have fixed names, so an upgraded job
 * finds its state again. Pages are keyed by canonical URL and the article id is a function of it,
 * so all pages of one article share a partition and the versioning store needs no repartitioning.
 *
 * <p>The person registry is global rather than partitioned: articles about one person arrive on
 * every partition, and a bare name must get the same answer whichever task tags it. Every instance
 * reads all of {@code newsflow.persons} into its copy of the store, so what one task learns reaches
 * the others a moment later (an article tagged meanwhile sees the facts known until then).
 */
public final class EnrichTopology {

    /** The versioning store; its changelog is {@code <application id>-article-versions-changelog}. */
    public static final String VERSION_STORE = "article-versions";
    /** Recent articles and their next revisit; changelog {@code <application id>-revisit-schedule-changelog}. */
    public static final String REVISIT_STORE = "revisit-schedule";
    /** The latest version of each recent article as a reader saw it, to diff the next one against. */
    public static final String LAST_VERSION_STORE = "article-last-versions";
    /** What is known of each source, keyed by source name, to compute its health. */
    public static final String HEALTH_STORE = "source-health-state";
    /** Recent articles' story and signature by id, for the story step. */
    public static final String STORY_ENTRY_STORE = "story-signatures";
    /** LSH band key to the ids of the recent articles in that band: the candidates of a new one. */
    public static final String STORY_BAND_STORE = "story-bands";
    /** Seen time + "/" + article id, oldest first, to age recent articles out of the story stores. */
    public static final String STORY_TIME_STORE = "story-times";
    /** The one-partition topic that brings every article to the story step: {@code <application id>-stories-repartition}. */
    public static final String STORIES_REPARTITION = "stories";
    /** The person registry's facts, a global store read from {@code newsflow.persons}; no changelog of its own. */
    public static final String PERSON_STORE = "person-registry";

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
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REVISIT_STORE),
                Serdes.String(), new JsonSerde<>(RevisitEntry.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LAST_VERSION_STORE),
                Serdes.String(), new JsonSerde<>(LastVersion.class)));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PERSON_STORE),
                        Serdes.String(), Topics.PERSONS.valueSerde()).withLoggingDisabled(), Topics.PERSONS.name(),
                Consumed.with(Topics.PERSONS.keySerde(), Topics.PERSONS.valueSerde()).withName("persons-source"),
                () -> new PersonStoreUpdater(PERSON_STORE));
        KStream<String, Extracted> extracted = builder
                .stream(Topics.PAGES.name(), Consumed.with(Topics.PAGES.keySerde(), Topics.PAGES.valueSerde())
                        .withName("pages-source"))
                .processValues(() -> new ExtractProcessor(extractor, metrics), Named.as("extract"));
        KStream<String, Extracted> extractedArticles =
                extracted.filter((url, page) -> page.extraction().isArticle(), Named.as("articles-only"));
        Counter revisits = registry.counter(MetricNames.ENRICH_REVISITS);
        extractedArticles
                .process(() -> new RevisitScheduler(REVISIT_STORE, config.revisitSchedule(), config.revisitCheckInterval(),
                        revisits), Named.as("revisit"), REVISIT_STORE)
                .to(Topics.LINKS.name(), Produced.with(Topics.LINKS.keySerde(), Topics.LINKS.valueSerde()).withName("revisits-sink"));
        KStream<String, Article> articles = extractedArticles
                .processValues(() -> new TagProcessor(metrics, tagger, PERSON_STORE), Named.as("tag"))
                .process(() -> new VersionProcessor(VERSION_STORE, metrics), Named.as("version"), VERSION_STORE);
        addStoryStores(builder);
        // one partition: a copy must meet the first article of its story whatever partition that came by
        articles.repartition(Repartitioned.<String, Article>as(STORIES_REPARTITION).withNumberOfPartitions(1)
                        .withKeySerde(Topics.ARTICLES.keySerde()).withValueSerde(Topics.ARTICLES.valueSerde()))
                .processValues(() -> new StoryProcessor(new String[] {STORY_ENTRY_STORE, STORY_BAND_STORE, STORY_TIME_STORE},
                        config.storySettings(), metrics), Named.as("story"), STORY_ENTRY_STORE, STORY_BAND_STORE, STORY_TIME_STORE)
                .to(Topics.ARTICLES.name(), Produced.with(Topics.ARTICLES.keySerde(), Topics.ARTICLES.valueSerde())
                        .withName("articles-sink"));
        PageInspector inspector = new PageInspector(config.healthMinChars());
        SourceGauges gauges = new SourceGauges(registry);
        JsonSerde<SourceSignal> signalSerde = new JsonSerde<>(SourceSignal.class);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HEALTH_STORE),
                Serdes.String(), new JsonSerde<>(SourceHealthState.class)));
        KStream<String, SourceSignal> pageSignals = extracted.map((url, page) -> KeyValue.pair(page.page().source(),
                SourceSignal.page(page.page().fetchedAt(), inspector.judge(page.page(), page.extraction()))), Named.as("page-signals"));
        KStream<String, SourceSignal> storedSignals = articles.filter((id, article) -> article.version() == 1, Named.as("new-articles"))
                .map((id, article) -> KeyValue.pair(article.source(), SourceSignal.stored(article.fetchedAt())),
                        Named.as("stored-signals"));
        KStream<String, SourceSignal> pollSignals = builder
                .stream(Topics.SOURCE_POLLS.name(), Consumed.with(Topics.SOURCE_POLLS.keySerde(), Topics.SOURCE_POLLS.valueSerde())
                        .withName("source-polls-source"))
                .filter((source, poll) -> poll != null, Named.as("readable-polls"))
                .map((source, poll) -> KeyValue.pair(poll.source(), SourceSignal.poll(poll)), Named.as("poll-signals"));
        // pages and articles are keyed by URL and id: rekeyed by source name, they meet the polls there
        pageSignals.merge(storedSignals, Named.as("article-signals"))
                .repartition(Repartitioned.<String, SourceSignal>as("source-signals").withKeySerde(Serdes.String())
                        .withValueSerde(signalSerde))
                .merge(pollSignals, Named.as("source-signals-merge"))
                .process(() -> new SourceHealthProcessor(HEALTH_STORE, config.healthRules(), config.healthInterval(), gauges),
                        Named.as("source-health"), HEALTH_STORE)
                .to(Topics.SOURCE_HEALTH.name(), Produced.with(Topics.SOURCE_HEALTH.keySerde(), Topics.SOURCE_HEALTH.valueSerde())
                        .withName("source-health-sink"));
        articles.process(() -> new RevisionProcessor(LAST_VERSION_STORE, config.revisionsRetention(), registry),
                        Named.as("revisions"), LAST_VERSION_STORE)
                .to(Topics.REVISIONS.name(), Produced.with(Topics.REVISIONS.keySerde(), Topics.REVISIONS.valueSerde())
                        .withName("revisions-sink"));
        articles.process(() -> new PersonLearner(PERSON_STORE), Named.as("person-forms"))
                .to(Topics.PERSONS.name(), Produced.with(Topics.PERSONS.keySerde(), Topics.PERSONS.valueSerde())
                        .withName("persons-sink"));
        articles.flatMap((id, article) -> {
                    List<KeyValue<String, EntityMention>> mentions = mentionsOf(article);
                    metrics.mentionsOut.increment(mentions.size());
                    return mentions;
                }, Named.as("mentions"))
                .to(Topics.MENTIONS.name(), Produced.with(Topics.MENTIONS.keySerde(), Topics.MENTIONS.valueSerde())
                        .withName("mentions-sink"));
    }

    private static void addStoryStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_ENTRY_STORE),
                Serdes.String(), new StoryEntrySerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_BAND_STORE),
                Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORY_TIME_STORE),
                Serdes.String(), Serdes.String()));
    }

    /**
     * The article a page's extraction makes, as version 1; the version step renumbers it. Its bare
     * person names are linked to the people {@code persons} knows.
     */
    static Article toArticle(Page page, Extraction extraction, ArticleTagger tagger, PersonRegistry.Known persons) {
        String text = extraction.text();
        ArticleTagger.Tags tags = tagger.tag(text);
        return new Article(ArticleId.of(page.canonicalUrl()), page.canonicalUrl(), page.source(),
                extraction.title(), extraction.authors(), extraction.publishedAt(), extraction.modifiedAt(),
                extraction.section(), extraction.lead(), extraction.language(), extraction.image(), text,
                wordCount(text), ArticleId.sha256Hex(text), 1, page.fetchedAt(), tags.countries(),
                PersonRegistry.link(tags.persons(), persons),
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
            String entity = person.entityId();
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
