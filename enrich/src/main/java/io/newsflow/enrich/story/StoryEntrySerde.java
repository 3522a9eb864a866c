package io.newsflow.enrich.story;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The signature store's values in a fixed binary layout: the story step reads one per candidate,
 * and decoding 120 numbers from JSON cost more than the comparison itself. Layout: format byte 1,
 * seen time (8 bytes), overlap (8 bytes, NaN for none), the 120 hashes (4 bytes each), the story id
 * (UTF-8, the rest).
 */
public final class StoryEntrySerde implements Serde<StoryEntry> {

    private static final byte FORMAT = 1;
    private static final int FIXED = 1 + 8 + 8 + 4 * StorySigner.HASHES;

    @Override
    public Serializer<StoryEntry> serializer() {
        return (topic, entry) -> {
            if (entry == null) {
                return null;
            }
            byte[] story = entry.storyId().getBytes(StandardCharsets.UTF_8);
            ByteBuffer out = ByteBuffer.allocate(FIXED + story.length);
            out.put(FORMAT).putLong(entry.seenAt()).putDouble(entry.overlap() == null ? Double.NaN : entry.overlap());
            for (int hash : entry.signature().hashes()) {
                out.putInt(hash);
            }
            return out.put(story).array();
        };
    }

    @Override
    public Deserializer<StoryEntry> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < FIXED || bytes[0] != FORMAT) {
                throw new SerializationException("not a story entry of format " + FORMAT + " (" + bytes.length + " bytes)");
            }
            ByteBuffer in = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
            long seenAt = in.getLong();
            double overlap = in.getDouble();
            int[] hashes = new int[StorySigner.HASHES];
            for (int i = 0; i < hashes.length; i++) {
                hashes[i] = in.getInt();
            }
            String story = new String(bytes, FIXED, bytes.length - FIXED, StandardCharsets.UTF_8);
            return new StoryEntry(story, Double.isNaN(overlap) ? null : overlap, new Signature(hashes), seenAt);
        };
    }
}
