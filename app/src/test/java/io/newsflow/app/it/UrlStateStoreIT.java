package io.newsflow.app.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.app.testing.TopicContents;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.broker.TopicBootstrap;
import io.newsflow.core.record.UrlStatus;
import io.newsflow.core.topic.Topics;
import io.newsflow.ingest.state.UrlStateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.newsflow.core.json.JsonCodec;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The crawler state on a real broker: per-host partitions, restart on local state, restore on a new machine, retention. */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class UrlStateStoreIT {

    private static final Duration RETENTION = Duration.ofDays(180);
    private static final List<Integer> ALL = IntStream.range(0, TopicBootstrap.PARTITIONS).boxed().toList();

    @TempDir
    Path dir;

    private static UrlStateStore store(EmbeddedKafka kafka, Path dir) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        UrlStateStore store = new UrlStateStore(props, dir, 8L << 20, 4L << 20, RETENTION);
        store.start();
        return store;
    }

    private static UrlStatus fetched(String url, Instant at) {
        return new UrlStatus(url, at, 200, "ok", "abc", "\"e1\"", null);
    }

    @Test
    @Timeout(120)
    void aRestartReadsOnlyWhatItMissedAndANewMachineRestoresEverything(EmbeddedKafka kafka) throws Exception {
        String site = "http://state-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Instant now = Instant.now();
        try (UrlStateStore first = store(kafka, dir.resolve("first"))) {
            first.assign(ALL);
            for (int i = 0; i < 50; i++) {
                first.record(fetched(site + "/a" + i, now));
            }
            first.flush();
        }
        try (UrlStateStore other = store(kafka, dir.resolve("other"))) {
            other.assign(ALL);
            assertNotNull(other.get(site + "/a7"), "a new machine restores the partitions from the topic");
            other.record(fetched(site + "/while-away", now));
            other.flush();
        }
        try (UrlStateStore restarted = store(kafka, dir.resolve("first"))) {
            assertEquals(1, restarted.assign(ALL), "the restarted store reads only the status written while it was away");
            assertNotNull(restarted.get(site + "/a49"));
            assertNotNull(restarted.get(site + "/while-away"));
            assertNull(restarted.get(site + "/never"));
        }
    }

    @Test
    @Timeout(120)
    void statusesGoToTheirHostsPartitionAndAStoreAnswersOnlyForItsOwn(EmbeddedKafka kafka) {
        String url = "http://own-" + UUID.randomUUID().toString().substring(0, 8) + ".example/story";
        try (UrlStateStore store = store(kafka, dir.resolve("own"))) {
            int partition = store.partitionOf(url);
            store.assign(ALL.stream().filter(p -> p != partition).toList());
            store.record(fetched(url, Instant.now()));
            store.flush();
            assertNull(store.get(url), "another instance owns the host");
            store.assign(List.of(partition));
            assertNotNull(store.get(url), "restored from the host's partition");
            assertTrue(read(kafka, partition).stream().anyMatch(r -> url.equals(r.key())));
        }
    }

    @Test
    @Timeout(120)
    void retentionDropsAnOldUrlWithATombstoneAndKeepsOneStillListed(EmbeddedKafka kafka) {
        String site = "http://old-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        Instant now = Instant.now();
        String gone = site + "/gone";
        String listed = site + "/listed";
        String recent = site + "/recent";
        try (UrlStateStore store = store(kafka, dir.resolve("retention"))) {
            store.assign(ALL);
            store.record(fetched(gone, now.minus(Duration.ofDays(400))));
            store.record(fetched(listed, now.minus(Duration.ofDays(400))));
            store.noteListed(store.get(listed), now.minus(Duration.ofDays(2)));
            store.record(fetched(recent, now.minus(Duration.ofDays(10))));
            assertEquals(1, store.sweep(now.minus(RETENTION)), "only the URL neither fetched nor listed within the retention");
            store.flush();
            assertNull(store.get(gone));
            assertNotNull(store.get(listed), "still listed by a source");
            assertNotNull(store.get(recent));
            List<ConsumerRecord<String, byte[]>> history = read(kafka, store.partitionOf(gone)).stream()
                    .filter(r -> gone.equals(r.key())).toList();
            assertNull(history.get(history.size() - 1).value(), "tombstoned on the topic");
        }
        try (UrlStateStore restored = store(kafka, dir.resolve("after-retention"))) {
            restored.assign(ALL);
            assertNull(restored.get(gone), "the tombstone restores as gone");
            assertNotNull(restored.get(listed));
        }
    }

    @Test
    @Timeout(120)
    void aStatusAnOlderVersionWroteOnItsUrlsPartitionMovesToItsHosts(EmbeddedKafka kafka) throws Exception {
        String url = "http://moved-" + UUID.randomUUID().toString().substring(0, 8) + ".example/story";
        try (UrlStateStore store = store(kafka, dir.resolve("moving"))) {
            int wrong = (store.partitionOf(url) + 1) % TopicBootstrap.PARTITIONS;
            Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers());
            try (KafkaProducer<String, byte[]> old = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                old.send(new ProducerRecord<>(Topics.URL_STATUS.name(), wrong, url, JsonCodec.encode(fetched(url, Instant.now())))).get();
            }
            store.assign(ALL);
            assertNotNull(store.get(url), "found on the wrong partition, kept under its host");
            assertTrue(read(kafka, store.partitionOf(url)).stream().anyMatch(r -> url.equals(r.key()) && r.value() != null),
                    "moved to its host's partition");
            List<ConsumerRecord<String, byte[]>> left = read(kafka, wrong).stream().filter(r -> url.equals(r.key())).toList();
            assertNull(left.get(left.size() - 1).value(), "tombstoned where it was");
        }
    }

    private static List<ConsumerRecord<String, byte[]>> read(EmbeddedKafka kafka, int partition) {
        return TopicContents.read(kafka.bootstrapServers(), new TopicPartition(Topics.URL_STATUS.name(), partition),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
