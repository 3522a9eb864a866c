package io.newsflow.app.dashboard;

import static java.util.Objects.requireNonNull;

import io.newsflow.app.sources.SourceHealthReader;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.json.JsonCodecException;
import io.newsflow.core.lifecycle.DaemonThreads;
import io.newsflow.core.record.Revision;
import io.newsflow.core.record.SourceHealth;
import io.newsflow.core.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process reader of the two signal topics for the dashboard: the latest health of every
 * source, from the start of the compacted {@code newsflow.source-health}, and the latest edits, from
 * a little before the end of {@code newsflow.revisions}. Like {@link ArticleFeed} it reads without a
 * consumer group, so it commits nothing and takes no partitions from any stage.
 */
public final class SignalFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SignalFeed.class);

    /** Edits shown in the latest list. */
    static final int LATEST = 20;

    private final Map<String, SourceHealth> sources = new HashMap<>();
    private final Deque<Edit> edits = new ArrayDeque<>();
    private volatile boolean running = true;
    private @Nullable KafkaConsumer<String, byte[]> consumer;
    private @Nullable Thread thread;

    SignalFeed() {
    }

    /** Starts reading the signal topics of the cluster in {@code kafka} on a daemon thread. */
    public static SignalFeed start(Properties kafka) {
        SignalFeed feed = new SignalFeed();
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-dashboard-signals");
        // raw values: a record this version cannot read is skipped, not a stop of the feed
        feed.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        feed.thread = DaemonThreads.start("newsflow-dashboard-signals", feed::run);
        return feed;
    }

    private void run() {
        KafkaConsumer<String, byte[]> c = requireNonNull(consumer);
        try {
            List<TopicPartition> health = awaitPartitions(c, Topics.SOURCE_HEALTH.name());
            List<TopicPartition> revisions = awaitPartitions(c, Topics.REVISIONS.name());
            List<TopicPartition> all = new ArrayList<>(health);
            all.addAll(revisions);
            c.assign(all);
            c.seekToBeginning(health);
            c.seekToEnd(revisions);
            for (TopicPartition tp : revisions) {
                c.seek(tp, Math.max(0, c.position(tp) - LATEST));
            }
            while (running) {
                for (ConsumerRecord<String, byte[]> record : c.poll(Duration.ofMillis(500))) {
                    take(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.warn("dashboard signal feed stopped: {}", e.toString());
        } finally {
            c.close(Duration.ofSeconds(2));
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        try {
            if (record.topic().equals(Topics.SOURCE_HEALTH.name())) {
                if (record.key() == null) {
                    return;
                }
                if (record.value() == null) {
                    removeSource(record.key());
                } else {
                    addSource(JsonCodec.decode(record.value(), SourceHealth.class));
                }
            } else if (record.value() != null) {
                addEdit(JsonCodec.decode(record.value(), Revision.class));
            }
        } catch (JsonCodecException e) {
            LOG.debug("dashboard skips an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> c, String topic) {
        while (running) {
            try {
                List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                }
            } catch (TimeoutException e) {
                // the broker is not up yet (a service may start before it); keep asking
                LOG.debug("{} not reachable yet: {}", topic, e.toString());
            }
        }
        return List.of();
    }

    synchronized void addSource(SourceHealth health) {
        sources.put(health.source(), health);
    }

    synchronized void removeSource(String source) {
        sources.remove(source);
    }

    /** Takes one revision; a replayed one replaces its earlier copy rather than being listed twice. */
    synchronized void addEdit(Revision revision) {
        Edit edit = Edit.of(revision);
        edits.removeIf(e -> e.articleId().equals(edit.articleId()) && e.newVersion() == edit.newVersion());
        edits.addFirst(edit);
        while (edits.size() > LATEST) {
            edits.removeLast();
        }
    }

    /** Every source, worst first, and the latest edits, newest first. */
    public synchronized Snapshot snapshot() {
        List<SourceHealth> worstFirst = sources.values().stream().sorted(SourceHealthReader.WORST_FIRST).toList();
        List<Edit> latest = edits.stream().sorted((a, b) -> b.detectedAt().compareTo(a.detectedAt())).toList();
        return new Snapshot(worstFirst, latest);
    }

    /** What the dashboard's signals endpoint serves. */
    public record Snapshot(List<SourceHealth> sources, List<Edit> edits) {
    }

    /**
     * One edit as the dashboard lists it.
     *
     * @param title the headline after the edit
     * @param titleBefore the headline before, when the edit changed it
     * @param fields what changed: {@code title}, {@code authors}, {@code dates}, {@code paragraphs}
     */
    public record Edit(String articleId, String url, String source, String title, @Nullable String titleBefore, int oldVersion,
            int newVersion, Instant detectedAt, List<String> fields, int paragraphsAdded, int paragraphsRemoved,
            int paragraphsChanged) {

        static Edit of(Revision r) {
            Revision.Changes c = r.changes();
            return new Edit(r.articleId(), r.url(), r.source(), r.after().title(), c.title() == null ? null : r.before().title(),
                    r.oldVersion(), r.newVersion(), r.detectedAt(), c.fields(), c.paragraphsAdded().size(),
                    c.paragraphsRemoved().size(), c.paragraphsChanged().size());
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
