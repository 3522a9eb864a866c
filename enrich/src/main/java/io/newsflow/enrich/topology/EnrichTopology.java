package io.newsflow.enrich.topology;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.Extraction;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/** Builds the enrich topology; {@code main} and the tests both call {@link #build}. */
public final class EnrichTopology {

    private EnrichTopology() {
    }

    public static void build(StreamsBuilder builder, EnrichConfig config, MeterRegistry registry) {
        ArticleExtractor extractor = new ArticleExtractor();
        Counter articles = registry.counter(MetricNames.ENRICH_RECORDS, MetricNames.TAG_OUTCOME, "article");
        Counter notArticles = registry.counter(MetricNames.ENRICH_RECORDS, MetricNames.TAG_OUTCOME, "not_article");
        builder.stream(Topics.PAGES.name(), Consumed.with(Topics.PAGES.keySerde(), Topics.PAGES.valueSerde())
                        .withName("pages-source"))
                .filter((url, page) -> page != null && page.status() / 100 == 2, Named.as("ok-pages"))
                .flatMap((url, page) -> {
                    Article article = toArticle(page, extractor.extract(page.html(), page.finalUrl()));
                    (article == null ? notArticles : articles).increment();
                    return article == null ? List.of() : List.of(KeyValue.pair(article.id(), article));
                }, Named.as("extract"))
                .to(Topics.ARTICLES.name(), Produced.with(Topics.ARTICLES.keySerde(), Topics.ARTICLES.valueSerde())
                        .withName("articles-sink"));
    }

    static Article toArticle(Page page, Extraction extraction) {
        if (!extraction.isArticle()) {
            return null;
        }
        String text = extraction.text();
        return new Article(ArticleId.of(page.canonicalUrl()), page.canonicalUrl(), page.source(),
                extraction.title(), extraction.authors(), extraction.publishedAt(), extraction.modifiedAt(),
                extraction.section(), extraction.lead(), extraction.language(), extraction.image(), text,
                wordCount(text), ArticleId.sha256Hex(text), 1, page.fetchedAt(), List.of(), List.of(),
                ArticleExtractor.VERSION, "none");
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
