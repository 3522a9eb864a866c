package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.testing.TopicContents;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.lifecycle.Stage;
import io.newsflow.core.topic.DeadLetterHeaders;
import io.newsflow.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: records no stage can read are injected into every topic a stage consumes, between good
 * pages. Each must end in {@code newsflow.dead-letters} with its origin and reason, and the good
 * pages must still be stored.
 *
 * <p>The size rule this test pins down: a topic accepts records up to its {@code max.message.bytes}
 * (twice the page cap plus an envelope, 10.25 MiB by default), and every consumer of it reads
 * records that large, so a 10 MB record that got in is dead-lettered like any other poison, its
 * bytes intact. A record larger than the topic allows never gets in: the broker refuses it and the
 * producer gets {@link RecordTooLargeException}. Handling that is the producer's business (the
 * crawler caps page bodies so that its records always fit), and no consumer ever sees it.
 */
@Tag("reliability")
class PoisonRecordsIT {

    private static final String HOST = "poison.example";
    private static final int GOOD = 10;
    private static final int TEN_MB = 10_000_000;
    /** Topics a pipeline stage consumes; mentions and dead-letters are read by subscribers only. */
    private static final List<String> CONSUMED = List.of(Topics.LINKS.name(), Topics.PAGES.name(), Topics.ARTICLES.name());

    /** One injected record: where it landed. */
    record Poison(String kind, String topic, int partition, long offset, int length) {
    }

    @Test
    @Timeout(240)
    void everyPoisonRecordIsDeadLetteredWithItsReasonAndGoodPagesStillFlow(@TempDir Path dir) throws Exception {
        try (EmbeddedKafka kafka = ReliabilityConfigs.broker(dir.resolve("kafka"), 0);
                PagePublisher pages = new PagePublisher(kafka.bootstrapServers());
                KafkaProducer<byte[], byte[]> raw = rawProducer(kafka)) {
            var config = ReliabilityConfigs.pipeline(kafka, dir.resolve("data"), Map.of());
            try (RunningProcess process = RunningProcess.start(config, EnumSet.allOf(Stage.class), null, false)) {
                for (int i = 0; i < GOOD / 2; i++) {
                    pages.publish(HOST, i, 1);
                }
                List<Poison> poisons = new ArrayList<>();
                for (String topic : CONSUMED) {
                    poisons.add(inject(raw, topic, "not-json", new byte[] {0, (byte) 0xff, 'n', 'o', 't', ' ', 'j', 's', 'o', 'n'}));
                    poisons.add(inject(raw, topic, "wrong-schema",
                            "{\"schema\":\"elephant/7\",\"trunk\":true}".getBytes(StandardCharsets.UTF_8)));
                    poisons.add(inject(raw, topic, "10MB", randomBytes(TEN_MB)));
                }
                ExecutionException tooLarge = assertThrows(ExecutionException.class,
                        () -> inject(raw, Topics.PAGES.name(), "over-limit", randomBytes(ReliabilityConfigs.MAX_MESSAGE_BYTES + 1024)));
                assertInstanceOf(RecordTooLargeException.class, tooLarge.getCause());
                for (int i = GOOD / 2; i < GOOD; i++) {
                    pages.publish(HOST, i, 1);
                }

                Eventually.await("every poison record dead-lettered (last: those still missing)", Duration.ofSeconds(90),
                        () -> {
                            List<ConsumerRecord<byte[], byte[]>> found = TopicContents.read(kafka.bootstrapServers(),
                                    Topics.DEAD_LETTERS.name(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
                            return poisons.stream().filter(p -> letterFor(found, p) == null).toList();
                        }, List::isEmpty);
                List<ConsumerRecord<byte[], byte[]>> letters = TopicContents.read(kafka.bootstrapServers(), Topics.DEAD_LETTERS.name(),
                        new ByteArrayDeserializer(), new ByteArrayDeserializer());
                for (Poison poison : poisons) {
                    ConsumerRecord<byte[], byte[]> letter = letterFor(letters, poison);
                    assertEquals(poison.length(), letter.value().length, poison + ": original bytes kept");
                    String stage = header(letter, DeadLetterHeaders.STAGE);
                    String reason = header(letter, DeadLetterHeaders.CLASS) + ": " + header(letter, DeadLetterHeaders.MESSAGE);
                    assertTrue(stage != null && !stage.isBlank(), poison + ": stage named");
                    assertTrue(header(letter, DeadLetterHeaders.CLASS) != null, poison + ": reason given");
                    System.out.printf("reliability poison %s in %s -> dead letter from %s: %.120s%n", poison.kind(),
                            poison.topic(), stage, reason);
                }

                Map<String, String> expected = IntStream.range(0, GOOD).boxed()
                        .collect(Collectors.toMap(i -> PagePublisher.url(HOST, i), i -> NewsSite.marker(i, 1)));
                List<StoredArticles.Row> rows = Eventually.await("the good pages stored", Duration.ofSeconds(90),
                        () -> StoredArticles.sqlite(dir.resolve("data")), r -> StoredArticles.atLatest(r, expected) == GOOD);
                System.out.printf("reliability {\"fault\":\"poison-records\",\"injected\":%d,\"deadLettered\":%d}%n",
                        poisons.size(), poisons.stream().filter(p -> letterFor(letters, p) != null).count());
                FinalState.of("poison-records", expected, rows, 0).assertExactlyOnceAtLatest();
            }
        }
    }

    private static Poison inject(KafkaProducer<byte[], byte[]> producer, String topic, String kind, byte[] value)
            throws ExecutionException, InterruptedException {
        byte[] key = (HOST + "/" + kind).getBytes(StandardCharsets.UTF_8);
        RecordMetadata meta = producer.send(new ProducerRecord<>(topic, key, value)).get();
        return new Poison(kind, topic, meta.partition(), meta.offset(), value.length);
    }

    private static ConsumerRecord<byte[], byte[]> letterFor(List<ConsumerRecord<byte[], byte[]>> letters, Poison poison) {
        return letters.stream()
                .filter(l -> poison.topic().equals(header(l, DeadLetterHeaders.TOPIC))
                        && String.valueOf(poison.partition()).equals(header(l, DeadLetterHeaders.PARTITION))
                        && String.valueOf(poison.offset()).equals(header(l, DeadLetterHeaders.OFFSET)))
                .findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    /** A producer that lets the broker, not itself, judge record size, and does not compress. */
    private static KafkaProducer<byte[], byte[]> rawProducer(EmbeddedKafka kafka) {
        Properties props = ReliabilityConfigs.clientProperties(kafka);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(16 * 1024 * 1024));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64 * 1024 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
