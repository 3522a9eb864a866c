package io.newsflow.enrich.story;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The recent articles a new one can be a copy of, in three Kafka Streams stores: id to
 * {@link StoryEntry}; LSH band key + "/" + id to seen time (a prefix scan of a band key gives the
 * candidates); and zero-padded seen time + "/" + id to id, oldest first, for ageing out.
 *
 * <p>Bounded twice: an entry is dropped once it is older than the window (measured from the newest
 * article seen, so a replay of old pages ages by its own clock) and the oldest entries are dropped
 * while there are more than the maximum.
 */
public final class StoryIndex {

    /** Candidates looked at per article at most: a band shared by thousands of texts is boilerplate, not a story. */
    static final int MAX_CANDIDATES = 500;

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, StoryEntry> entries;
    private final KeyValueStore<String, Long> bands;
    private final KeyValueStore<String, String> byTime;
    private final StorySigner signer;
    private final Settings settings;
    private long size;
    private long newest;

    /**
     * @param window how long an article can be the first of a story
     * @param maxSignatures how many articles are kept at most
     * @param minOverlap the least estimated Jaccard similarity for a copy
     */
    public record Settings(Duration window, long maxSignatures, double minOverlap) {

        public Settings {
            requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive, was " + window);
            }
            if (maxSignatures < 1) {
                throw new IllegalArgumentException("maxSignatures must be >= 1, was " + maxSignatures);
            }
            if (minOverlap <= 0 || minOverlap > 1) {
                throw new IllegalArgumentException("minOverlap must be within (0, 1], was " + minOverlap);
            }
        }
    }

    /** The story of an article and its overlap with the story's first article (null for that first article). */
    public record Assignment(String storyId, @Nullable Double overlap, boolean copy) {
    }

    /** Over stores that a restore may have filled: counts them once, here, to know the size and the clock. */
    public StoryIndex(KeyValueStore<String, StoryEntry> entries, KeyValueStore<String, Long> bands,
            KeyValueStore<String, String> byTime, StorySigner signer, Settings settings) {
        this.entries = entries;
        this.bands = bands;
        this.byTime = byTime;
        this.signer = signer;
        this.settings = settings;
        try (KeyValueIterator<String, String> all = byTime.all()) {
            while (all.hasNext()) {
                newest = Math.max(newest, timeOf(all.next().key));
                size++;
            }
        }
    }

    /**
     * The story of article {@code id}: the one it had if it is known (a new version keeps its story),
     * else the story of its most similar recent article with at least the minimum overlap, else its own.
     */
    public Assignment assign(String id, String text, long seenAt) {
        StoryEntry known = entries.get(id);
        if (known != null) {
            return new Assignment(known.storyId(), known.overlap(), !known.storyId().equals(id));
        }
        Signature signature = signer.sign(text);
        if (signature == null) {
            return new Assignment(id, null, false);
        }
        newest = Math.max(newest, seenAt);
        long horizon = newest - settings.window().toMillis();
        String[] keys = signature.bandKeys();
        StoryEntry best = null;
        double bestOverlap = -1;
        for (String candidate : candidates(keys)) {
            StoryEntry entry = entries.get(candidate);
            if (entry == null || entry.seenAt() < horizon) {
                continue;
            }
            double overlap = signature.overlap(entry.signature());
            if (overlap >= settings.minOverlap() && overlap > bestOverlap) {
                best = entry;
                bestOverlap = overlap;
            }
        }
        Assignment assignment;
        if (best == null) {
            assignment = new Assignment(id, null, false);
        } else {
            StoryEntry first = best.overlap() == null ? best : entries.get(best.storyId());
            double overlap = first == null ? bestOverlap : signature.overlap(first.signature());
            assignment = new Assignment(best.storyId(), overlap, true);
        }
        add(id, new StoryEntry(assignment.storyId(), assignment.overlap(), signature, seenAt), keys);
        evict(horizon);
        return assignment;
    }

    /** Articles held. */
    public long size() {
        return size;
    }

    private Set<String> candidates(String[] keys) {
        Set<String> ids = new LinkedHashSet<>();
        for (String key : keys) {
            try (KeyValueIterator<String, Long> band = bands.prefixScan(key + "/", KEYS)) {
                while (band.hasNext() && ids.size() < MAX_CANDIDATES) {
                    String bandKey = band.next().key;
                    ids.add(bandKey.substring(bandKey.indexOf('/') + 1));
                }
            }
        }
        return ids;
    }

    private void add(String id, StoryEntry entry, String[] keys) {
        entries.put(id, entry);
        for (String key : keys) {
            bands.put(key + "/" + id, entry.seenAt());
        }
        byTime.put(timeKey(entry.seenAt(), id), id);
        size++;
    }

    /** Drops entries older than the horizon, then the oldest while over the maximum. */
    private void evict(long horizon) {
        while (size > 0) {
            KeyValue<String, String> oldest;
            try (KeyValueIterator<String, String> all = byTime.all()) {
                if (!all.hasNext()) {
                    return;
                }
                oldest = all.next();
            }
            if (timeOf(oldest.key) >= horizon && size <= settings.maxSignatures()) {
                return;
            }
            remove(oldest.key, oldest.value);
        }
    }

    private void remove(String timeKey, String id) {
        byTime.delete(timeKey);
        StoryEntry entry = entries.delete(id);
        if (entry != null) {
            for (String key : entry.signature().bandKeys()) {
                bands.delete(key + "/" + id);
            }
        }
        size--;
    }

    // zero-padded so the stores' byte order is time order
    static String timeKey(long seenAt, String id) {
        return String.format("%019d/%s", Math.max(0, seenAt), id);
    }

    private static long timeOf(String timeKey) {
        return Long.parseLong(timeKey.substring(0, timeKey.indexOf('/')));
    }
}
