package io.newsflow.app.it;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import io.newsflow.core.topic.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Tagged articles published straight to {@code newsflow.articles}, each with a unique id, for tests
 * of what reads that topic (dashboard, tail). Until the tagger is merged the pipeline tags nothing.
 */
final class TestArticles {

    private TestArticles() {
    }

    static String uniqueId() {
        return ArticleId.of("https://newsflow-it.example/" + UUID.randomUUID());
    }

    static void publish(EmbeddedKafka kafka, List<Article> articles) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(props,
                Topics.ARTICLES.keySerde().serializer(), Topics.ARTICLES.valueSerde().serializer())) {
            for (Article article : articles) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), article.id(), article));
            }
        }
    }

    /** An article naming Rex Tillerson, Kim Jong-un, North Korea, China, the US and South Korea. */
    static Article korea(String id, String title) {
        String text = "Secretary of State Rex Tillerson said that Kim Jong-un had to choose between talks and isolation. "
                + "Beijing has signalled that North Korea should return to negotiations, and China's envoy will travel "
                + "to Pyongyang next week.\n\nWashington and Seoul want sanctions enforced.";
        List<CountryTag> countries = List.of(
                new CountryTag("KP", "North Korea", 2, List.of(span(text, "North Korea", "name"), span(text, "Pyongyang", "capital"))),
                new CountryTag("CN", "China", 2, List.of(span(text, "Beijing", "capital"), span(text, "China", "name"))),
                new CountryTag("US", "United States", 1, List.of(span(text, "Washington", "capital"))),
                new CountryTag("KR", "South Korea", 1, List.of(span(text, "Seoul", "capital"))));
        List<PersonTag> persons = List.of(
                new PersonTag("Kim Jong-un", 1, List.of(span(text, "Kim Jong-un", null))),
                new PersonTag("Rex Tillerson", 1, List.of(span(text, "Rex Tillerson", null))));
        return article(id, title, text, countries, persons);
    }

    /** An article naming one person (and no country), so a test can filter on a name nobody else uses. */
    static Article naming(String id, String title, String person) {
        String text = "Today " + person + " spoke to reporters about the harbour.";
        return article(id, title, text, List.of(), List.of(new PersonTag(person, 1, List.of(span(text, person, null)))));
    }

    static Article article(String id, String title, String text, List<CountryTag> countries, List<PersonTag> persons) {
        return new Article(id, "https://newsflow-it.example/" + id, "newsflow-it", title, List.of(), Instant.now(), null,
                null, null, "en", null, text, text.split("\\s+").length, ArticleId.sha256Hex(text), 1, Instant.now(),
                countries, persons, "test", "test");
    }

    private static Span span(String text, String surface, String kind) {
        int start = text.indexOf(surface);
        return new Span(start, start + surface.length(), surface, kind);
    }
}
