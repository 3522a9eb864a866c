package io.newsflow.app.dashboard;

import io.newsflow.app.sources.SourceHealthReader;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.Revision;
import io.newsflow.core.record.SourceHealth;
import io.newsflow.core.topic.Topics;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * An in-process reader of the two signal topics for the dashboard: the latest health of every
 * source, from the start of the compacted {@code newsflow.source-health}, and the latest edits, from
 * a little before the end of {@code newsflow.revisions}. Its {@link FeedReader} reads without a
 * consumer group, so it commits nothing and takes no partitions from any stage.
 */
public final class SignalFeed implements AutoCloseable {

    /** Edits shown in the latest list. */
    static final int LATEST = 20;

    private final Map<String, SourceHealth> sources = new HashMap<>();
    /** By detection time: the revisions of a start's read-back arrive in no time order. */
    private final NewestFirst<Edit> edits = new NewestFirst<>(LATEST, Edit::detectedAt,
            (listed, added) -> listed.articleId().equals(added.articleId()) && listed.newVersion() == added.newVersion());
    private @Nullable FeedReader<String, byte[]> reader;

    SignalFeed() {
    }

    /** Starts reading the signal topics of the cluster in {@code kafka} on a daemon thread. */
    public static SignalFeed start(Properties kafka) {
        SignalFeed feed = new SignalFeed();
        // raw values: a record this version cannot read is skipped, not a stop of the feed
        feed.reader = FeedReader.start("newsflow-dashboard-signals", kafka, new StringDeserializer(), new ByteArrayDeserializer(),
                List.of(FeedReader.From.beginning(Topics.SOURCE_HEALTH.name()),
                        FeedReader.From.lastRecords(Topics.REVISIONS.name(), LATEST)),
                feed::take);
        return feed;
    }

    /** Takes one record; one it cannot decode throws, and {@link FeedReader} logs and skips it. */
    private void take(ConsumerRecord<String, byte[]> record) {
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
    }

    synchronized void addSource(SourceHealth health) {
        sources.put(health.source(), health);
    }

    synchronized void removeSource(String source) {
        sources.remove(source);
    }

    /** Takes one revision; a replayed one replaces its earlier copy rather than being listed twice. */
    synchronized void addEdit(Revision revision) {
        edits.add(Edit.of(revision));
    }

    /** Every source, worst first, and the latest edits, newest first. */
    public synchronized Snapshot snapshot() {
        List<SourceHealth> worstFirst = sources.values().stream().sorted(SourceHealthReader.WORST_FIRST).toList();
        return new Snapshot(worstFirst, edits.items());
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
        FeedReader<String, byte[]> r = reader;
        if (r != null) {
            r.close();
        }
    }
}
