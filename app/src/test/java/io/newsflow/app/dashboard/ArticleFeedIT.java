package io.newsflow.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboard's article feed on a real broker outlives a record it cannot read: a value that is
 * not an article is skipped and the articles after it, on the same partition, are still listed.
 */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class ArticleFeedIT {

    @Test
    @Timeout(90)
    void skipsARecordItCannotReadAndListsTheOnesAfterIt(EmbeddedKafka kafka) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        try (ArticleFeed feed = ArticleFeed.start(props, Clock.systemUTC())) {
            String key = ArticleId.of("https://newsflow-it.example/" + UUID.randomUUID());
            String before = ArticleId.of("https://newsflow-it.example/" + UUID.randomUUID());
            String after = ArticleId.of("https://newsflow-it.example/" + UUID.randomUUID());
            // all under one key, so one partition: the good articles sit on either side of the poison
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), key, JsonCodec.encode(article(before))));
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), key, "{not an article".getBytes(StandardCharsets.UTF_8)));
                producer.send(new ProducerRecord<>(Topics.ARTICLES.name(), key, JsonCodec.encode(article(after))));
                producer.flush();
            }
            List<String> ids = Awaitility.await("both readable articles are listed").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> feed.snapshot().latest().stream().map(ArticleFeed.Item::id).toList(),
                            listed -> listed.contains(after));
            assertEquals(List.of(after, before), ids.stream().filter(id -> id.equals(before) || id.equals(after)).toList(),
                    "newest first, the poison left out");
        }
    }

    private static Article article(String id) {
        String text = "The harbour authority opened a new quay on Monday.";
        return new Article(id, "https://newsflow-it.example/" + id, "newsflow-it", "Quay opens", List.of(), Instant.now(), null,
                null, null, "en", null, text, 9, ArticleId.sha256Hex(text), 1, Instant.now(), List.of(), List.of(), "test", "test");
    }
}
