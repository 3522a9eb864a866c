package io.newsflow.enrich.topology;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.json.JsonCodecException;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.EntityMention;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.DeadLetterHeaders;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.extract.ArticleExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichTopologyTest {

    private static final String URL = "https://news.example.org/2017/03/tillerson-in-beijing";
    private static final String TRAP = "<!-- the failing extractor below throws on this page -->";

    @TempDir
    Path dataDir;

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Page> pages;
    private TestInputTopic<byte[], byte[]> rawPages;
    private TestOutputTopic<String, Article> articles;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    private void start(PageExtractor extractor) {
        start(extractor, StreamsConfig.EXACTLY_ONCE_V2);
    }

    private void start(PageExtractor extractor, String guarantee) {
        EnrichConfig config = new EnrichConfig(NewsflowConfig.of(Map.of(CommonConfig.DATA_DIR, dataDir.toString(),
                EnrichConfig.APPLICATION_ID, "enrich-topology-test")));
        StreamsBuilder builder = new StreamsBuilder();
        EnrichTopology.build(builder, config, registry, extractor);
        Properties props = EnrichService.streamsConfig(config, new Properties(), registry);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        driver = new TopologyTestDriver(builder.build(), props);
        pages = driver.createInputTopic(Topics.PAGES.name(), Topics.PAGES.keySerde().serializer(),
                Topics.PAGES.valueSerde().serializer());
        rawPages = driver.createInputTopic(Topics.PAGES.name(), new ByteArraySerializer(), new ByteArraySerializer());
        articles = driver.createOutputTopic(Topics.ARTICLES.name(), Topics.ARTICLES.keySerde().deserializer(),
                Topics.ARTICLES.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private void start() {
        start(new ArticleExtractor()::extract);
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void publishesArticlePageAsVersionOneKeyedByArticleId() {
        start();
        pages.pipeInput(URL, page(body("Rex Tillerson met Yang Jiechi in Beijing on Saturday.")));

        List<KeyValue<String, Article>> out = articles.readKeyValuesToList();
        assertEquals(1, out.size());
        Article article = out.get(0).value;
        assertEquals(ArticleId.of(URL), out.get(0).key);
        assertEquals(ArticleId.of(URL), article.id());
        assertEquals(1, article.version());
        assertEquals("Tillerson in Beijing", article.title());
        assertTrue(article.text().startsWith("Rex Tillerson met Yang Jiechi"), article.text());
        assertEquals(ArticleExtractor.VERSION, article.extractorVersion());
        assertEquals(1.0, count(MetricNames.ENRICH_RECORDS, MetricNames.TAG_OUTCOME, "article"));
        assertEquals(1.0, count(MetricNames.ENRICH_RECORDS_IN));
        assertEquals(1.0, count(MetricNames.ENRICH_RECORDS_OUT, MetricNames.TAG_TOPIC, "articles"));
        assertEquals(1, registry.get(MetricNames.ENRICH_STEP_DURATION).tag(MetricNames.TAG_STEP, "extract").timer().count());
        assertEquals(1, registry.get(MetricNames.ENRICH_STEP_DURATION).tag(MetricNames.TAG_STEP, "tag").timer().count());
        assertEquals(1, registry.get(MetricNames.ENRICH_LATENCY).timer().count());
        assertEquals(1, registry.get(MetricNames.ENRICH_LAG).timer().count());
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void refetchOfUnchangedPageEmitsNothing() {
        start();
        String html = body("The harbour board voted on Monday to keep the port open at night.");
        pages.pipeInput(URL, page(html));
        pages.pipeInput(URL, page(html, Instant.parse("2026-11-28T12:00:00Z")));

        assertEquals(1, articles.readValuesToList().size());
        assertEquals(1.0, count(MetricNames.ENRICH_RECORDS, MetricNames.TAG_OUTCOME, "unchanged"));
    }

    @Test
    void changedPageEmitsVersionTwo() {
        start();
        pages.pipeInput(URL, page(body("The harbour board voted on Monday to keep the port open at night.")));
        pages.pipeInput(URL, page(body("The harbour board voted on Tuesday to close the port at night.")));

        List<Article> out = articles.readValuesToList();
        assertEquals(List.of(1, 2), out.stream().map(Article::version).toList());
        assertTrue(out.get(1).text().contains("Tuesday"));
    }

    @Test
    void poisonBytesGoToDeadLettersWithOriginalBytesAndTheJobContinues() {
        // The test driver drops records sent while a record is being deserialised when it runs
        // exactly-once (its mock producer is cleared before the transaction commits), so this branch
        // runs at-least-once here; EnrichIT checks dead letters of poison bytes under exactly-once.
        start(new ArticleExtractor()::extract, StreamsConfig.AT_LEAST_ONCE);
        byte[] poison = "{\"schema\":\"page/1\",\"url\":".getBytes(StandardCharsets.UTF_8);
        Headers original = new RecordHeaders().add("traceparent", "00-abc-01".getBytes(StandardCharsets.UTF_8));
        rawPages.pipeInput(new TestRecord<>(URL.getBytes(StandardCharsets.UTF_8), poison, original));
        pages.pipeInput(URL, page(body("The harbour board voted on Monday to keep the port open at night.")));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertArrayEquals(poison, letter.value());
        assertArrayEquals(URL.getBytes(StandardCharsets.UTF_8), letter.key());
        assertEquals("enrich", header(letter, DeadLetterHeaders.STAGE));
        assertEquals(JsonCodecException.class.getName(), header(letter, DeadLetterHeaders.CLASS));
        assertTrue(header(letter, DeadLetterHeaders.MESSAGE).contains("Page"), header(letter, DeadLetterHeaders.MESSAGE));
        assertEquals(Topics.PAGES.name(), header(letter, DeadLetterHeaders.TOPIC));
        assertEquals("0", header(letter, DeadLetterHeaders.PARTITION));
        assertEquals("0", header(letter, DeadLetterHeaders.OFFSET));
        assertEquals("00-abc-01", header(letter, "traceparent"));
        assertEquals(1, articles.readValuesToList().size(), "the page after the poison one is still enriched");
        assertEquals(1.0, count(MetricNames.DEAD_LETTERS, MetricNames.TAG_REASON, "undecodable"));
    }

    @Test
    void pageWhoseProcessingThrowsGoesToDeadLettersAndTheJobContinues() {
        ArticleExtractor real = new ArticleExtractor();
        start((html, url) -> {
            if (html.contains(TRAP)) {
                throw new IllegalStateException("extractor cannot handle " + url);
            }
            return real.extract(html, url);
        });
        Page trap = page(body("Text the extractor never reaches.") + TRAP);
        pages.pipeInput(URL, trap);
        pages.pipeInput(URL, page(body("The harbour board voted on Monday to keep the port open at night.")));

        TestRecord<byte[], byte[]> letter = deadLetters.readRecord();
        assertEquals(trap, Topics.PAGES.valueSerde().deserializer().deserialize(Topics.PAGES.name(), letter.value()),
                "the original page, as it was read");
        assertEquals(IllegalStateException.class.getName(), header(letter, DeadLetterHeaders.CLASS));
        assertEquals("extractor cannot handle " + URL, header(letter, DeadLetterHeaders.MESSAGE));
        assertEquals("extract", header(letter, DeadLetterHeaders.PROCESSOR));
        assertEquals("0", header(letter, DeadLetterHeaders.OFFSET));
        assertTrue(deadLetters.isEmpty());
        List<Article> out = articles.readValuesToList();
        assertEquals(1, out.size());
        assertEquals(1, out.get(0).version());
        assertEquals(1.0, count(MetricNames.DEAD_LETTERS, MetricNames.TAG_REASON, "processing"));
    }

    @Test
    void pageWithoutBodyIsCountedAndSkippedWithItsReason() {
        start();
        pages.pipeInput(URL, page("<html><head><title>Index</title></head><body></body></html>"));
        pages.pipeInput(URL, new Page(URL, URL, URL, "test", Instant.parse("2026-11-28T10:00:00Z"), 404,
                "text/html", "UTF-8", null, null, "00", false, body("Not found, but with text.")));

        assertTrue(articles.isEmpty());
        assertTrue(deadLetters.isEmpty());
        assertEquals(2.0, count(MetricNames.ENRICH_RECORDS, MetricNames.TAG_OUTCOME, "not_article"));
        assertEquals(1.0, count(MetricNames.ENRICH_SKIPPED, MetricNames.TAG_REASON, "no_text"));
        assertEquals(1.0, count(MetricNames.ENRICH_SKIPPED, MetricNames.TAG_REASON, "http_status"));
    }

    @Test
    void fansOutOneMentionPerEntityKeyedByEntityId() {
        Article article = new Article(ArticleId.of(URL), URL, "test", "Tillerson in Beijing", List.of(),
                Instant.parse("2017-03-19T08:00:00Z"), null, null, null, "en", null,
                "Rex Tillerson met Yang Jiechi in Beijing. North Korea was on the agenda.", 12, "00", 3,
                Instant.parse("2026-11-28T10:00:00Z"),
                List.of(new CountryTag("CN", "China", 1, List.of(new Span(34, 41, "Beijing", "capital"))),
                        new CountryTag("KP", "North Korea", 1, List.of(new Span(43, 54, "North Korea", "name")))),
                List.of(new PersonTag("Rex Tillerson", 1, List.of(new Span(0, 13, "Rex Tillerson", null))),
                        new PersonTag("Yang Jiechi", 1, List.of(new Span(18, 29, "Yang Jiechi", null)))),
                "x", "y");

        List<KeyValue<String, EntityMention>> mentions = EnrichTopology.mentionsOf(article);

        assertEquals(List.of("country:CN", "country:KP", "person:rex-tillerson", "person:yang-jiechi"),
                mentions.stream().map(kv -> kv.key).toList());
        EntityMention korea = mentions.get(1).value;
        assertEquals(new EntityMention(article.id(), EntityMention.COUNTRY, "country:KP", "North Korea", 1,
                article.publishedAt(), URL, "Tillerson in Beijing", 3), korea);
        assertEquals(EntityMention.PERSON, mentions.get(2).value.entityType());
        assertEquals("Rex Tillerson", mentions.get(2).value.name());
    }

    @Test
    void articleWithoutTagsHasNoMentions() {
        start();
        TestOutputTopic<String, EntityMention> mentions = driver.createOutputTopic(Topics.MENTIONS.name(),
                Topics.MENTIONS.keySerde().deserializer(), Topics.MENTIONS.valueSerde().deserializer());
        pages.pipeInput(URL, page(body("Nothing but a harbour board and its night shifts.")));

        assertEquals(1, articles.readValuesToList().size());
        assertTrue(mentions.isEmpty());
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    static String body(String paragraph) {
        return "<html lang=\"en\"><head><title>Tillerson in Beijing</title></head><body><article>"
                + "<h1>Tillerson in Beijing</h1>"
                + "<p>" + paragraph + " The visit was the first by a member of the new cabinet.</p>"
                + "<p>Officials on both sides described the talks as candid and said they covered trade, "
                + "security on the peninsula and the climate accord signed two years ago.</p>"
                + "</article></body></html>";
    }

    static Page page(String html) {
        return page(html, Instant.parse("2026-11-28T10:00:00Z"));
    }

    static Page page(String html, Instant fetchedAt) {
        return new Page(URL, URL, URL, "test", fetchedAt, 200, "text/html", "UTF-8", null, null,
                ArticleId.sha256Hex(html), false, html);
    }
}
