package io.newsflow.app.reliability;

import io.newsflow.app.testing.TopicContents;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Article;
import io.newsflow.core.topic.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Counts what the pipeline published, as committed (read_committed). */
final class TopicLog {

    private TopicLog() {
    }

    /**
     * How many committed article records repeat an earlier one for the same article and content:
     * under exactly-once every (article, content) pair is published once.
     */
    static long articleDuplicates(String bootstrap, Set<String> urls) {
        Map<String, Integer> copies = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicContents.read(bootstrap, Topics.ARTICLES.name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Article article = decodeArticle(record.value());
            if (article != null && urls.contains(article.url())) {
                copies.merge(article.url() + " " + article.contentSha256(), 1, Integer::sum);
            }
        }
        return copies.values().stream().collect(Collectors.summingLong(n -> n - 1));
    }

    private static Article decodeArticle(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return JsonCodec.decode(value, Article.class);
        } catch (RuntimeException e) {
            // poison records are the dead-letter test's business, not a duplicate
            return null;
        }
    }
}
