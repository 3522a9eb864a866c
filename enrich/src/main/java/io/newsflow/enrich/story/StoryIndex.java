package io.newsflow.enrich.story;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jspecify.annotations.Nullable;

/**
 * The recent articles a new one can be a copy of, in three Kafka Streams stores: id to
 * {@link StoryEntry}; LSH band key to the ids of the recent articles in that band (comma-separated,
 * newest last, at most {@link #MAX_BAND_IDS}; an exact copy, whose signature equals one already
 * indexed, is not indexed again, since its twin finds the same articles); and zero-padded seen time + "/" + id to id, oldest
 * first, for ageing out. Every lookup is a point read: no iterator is opened per article.
 *
 * <p>Bounded twice: an entry is dropped once it is older than the window (measured from the newest
 * article seen, so a replay of old pages ages by its own clock) and the oldest entries are dropped
 * while there are more than the maximum.
 */
public final class StoryIndex {

    /**
     * Ids kept per band, the newest: a band shared by more recent articles than this is a story with
     * many copies (any of them finds it) or boilerplate, and older ids in it add work, not stories.
     */
    static final int MAX_BAND_IDS = 16;

    private final KeyValueStore<String, StoryEntry> entries;
    private final KeyValueStore<String, String> bands;
    private final KeyValueStore<String, String> byTime;
    private final StorySigner signer;
    private final Settings settings;
    private long size;
    private long newest;
    private long oldest = Long.MAX_VALUE;

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
    public StoryIndex(KeyValueStore<String, StoryEntry> entries, KeyValueStore<String, String> bands,
            KeyValueStore<String, String> byTime, StorySigner signer, Settings settings) {
        this.entries = entries;
        this.bands = bands;
        this.byTime = byTime;
        this.signer = signer;
        this.settings = settings;
        try (KeyValueIterator<String, String> all = byTime.all()) {
            while (all.hasNext()) {
                long seen = timeOf(all.next().key);
                newest = Math.max(newest, seen);
                oldest = Math.min(oldest, seen);
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
        String[] members = new String[keys.length];
        StoryEntry best = null;
        double bestOverlap = -1;
        for (String candidate : candidates(keys, members)) {
            StoryEntry entry = entries.get(candidate);
            if (entry == null || entry.seenAt() < horizon) {
                continue;
            }
            double overlap = signature.overlap(entry.signature());
            if (overlap >= settings.minOverlap() && overlap > bestOverlap) {
                best = entry;
                bestOverlap = overlap;
                if (overlap == 1.0) {
                    break; // no candidate can be closer
                }
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
        add(id, new StoryEntry(assignment.storyId(), assignment.overlap(), signature, seenAt), keys,
                bestOverlap == 1.0 ? null : members);
        evict(horizon);
        return assignment;
    }

    /** Articles held. */
    public long size() {
        return size;
    }

    /**
     * The ids in the signature's bands, those sharing the most bands first (the likeliest copies);
     * {@code members} receives each band's current list, for {@link #add}.
     */
    private List<String> candidates(String[] keys, String[] members) {
        Map<String, Integer> shared = new HashMap<>();
        for (int band = 0; band < keys.length; band++) {
            String ids = bands.get(keys[band]);
            members[band] = ids;
            if (ids != null) {
                for (String candidate : ids.split(",")) {
                    shared.merge(candidate, 1, Integer::sum);
                }
            }
        }
        List<String> ids = new ArrayList<>(shared.keySet());
        ids.sort(Comparator.comparing(shared::get, Comparator.reverseOrder()));
        return ids;
    }

    /** Adds the entry; to the bands too unless {@code members} is null (an exact copy of one indexed). */
    private void add(String id, StoryEntry entry, String[] keys, String @Nullable [] members) {
        entries.put(id, entry);
        if (members != null) {
            for (int band = 0; band < keys.length; band++) {
                bands.put(keys[band], appended(members[band], id));
            }
        }
        byTime.put(timeKey(entry.seenAt(), id), id);
        oldest = Math.min(oldest, entry.seenAt());
        size++;
    }

    /** The band's ids with {@code id} added last, the oldest dropped beyond {@link #MAX_BAND_IDS}. */
    static String appended(@Nullable String ids, String id) {
        if (ids == null || ids.isEmpty()) {
            return id;
        }
        String joined = ids + "," + id;
        int count = 1;
        for (int i = 0; i < ids.length(); i++) {
            if (ids.charAt(i) == ',') {
                count++;
            }
        }
        int drop = count + 1 - MAX_BAND_IDS;
        int from = 0;
        while (drop-- > 0) {
            from = joined.indexOf(',', from) + 1;
        }
        return joined.substring(from);
    }

    /**
     * Drops entries older than the horizon, then the oldest while over the maximum. The oldest seen
     * time is kept in memory, so the time store is only read when something is due to go.
     */
    private void evict(long horizon) {
        while (size > 0 && (oldest < horizon || size > settings.maxSignatures())) {
            KeyValue<String, String> first;
            try (KeyValueIterator<String, String> all = byTime.all()) {
                if (!all.hasNext()) {
                    return;
                }
                first = all.next();
            }
            long seen = timeOf(first.key);
            if (seen >= horizon && size <= settings.maxSignatures()) {
                oldest = seen;
                return;
            }
            remove(first.key, first.value);
            oldest = Long.MIN_VALUE; // unknown until the next look at the store
        }
        if (size == 0) {
            oldest = Long.MAX_VALUE;
        }
    }

    private void remove(String timeKey, String id) {
        byTime.delete(timeKey);
        StoryEntry entry = entries.delete(id);
        if (entry != null) {
            for (String key : entry.signature().bandKeys()) {
                String ids = bands.get(key);
                String left = ids == null ? null : without(ids, id);
                if (left == null) {
                    bands.delete(key);
                } else if (!left.equals(ids)) {
                    bands.put(key, left);
                }
            }
        }
        size--;
    }

    /** The list without {@code id}, or null when nothing is left. */
    static @Nullable String without(String ids, String id) {
        List<String> kept = new ArrayList<>(Arrays.asList(ids.split(",")));
        kept.remove(id);
        return kept.isEmpty() ? null : String.join(",", kept);
    }

    // zero-padded so the stores' byte order is time order
    static String timeKey(long seenAt, String id) {
        return String.format("%019d/%s", Math.max(0, seenAt), id);
    }

    private static long timeOf(String timeKey) {
        return Long.parseLong(timeKey.substring(0, timeKey.indexOf('/')));
    }
}
