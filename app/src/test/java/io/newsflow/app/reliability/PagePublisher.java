package io.newsflow.app.reliability;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import io.newsflow.core.topic.Topics;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes article pages straight to {@code newsflow.pages}, standing in for the crawler when a test
 * faults a stage after it: the pages are what the crawler would publish for {@link NewsSite}'s HTML.
 */
final class PagePublisher implements AutoCloseable {

    private final KafkaProducer<String, Page> producer;

    PagePublisher(String bootstrap) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        producer = new KafkaProducer<>(KafkaClients.pageProducer(props, CommonConfig.DEFAULT_PAGE_MAX_BYTES),
                Topics.PAGES.keySerde().serializer(), Topics.PAGES.valueSerde().serializer());
    }

    /** The URL of article {@code article} of a made-up site named {@code host}. */
    static String url(String host, int article) {
        return String.format("https://%s/news/story-%03d.html", host, article);
    }

    /** Publishes revision {@code revision} of an article and waits for the broker's acknowledgement. */
    void publish(String host, int article, int revision) throws ExecutionException, InterruptedException {
        String url = url(host, article);
        String html = NewsSite.html(article, revision);
        Page page = new Page(url, url, url, "reliability", Instant.now(), 200, "text/html", "UTF-8", null, null,
                ArticleId.sha256Hex(html), false, html);
        producer.send(new ProducerRecord<>(Topics.PAGES.name(), url, page)).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
