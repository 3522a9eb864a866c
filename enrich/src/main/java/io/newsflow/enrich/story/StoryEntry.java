package io.newsflow.enrich.story;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * What the signature store keeps of a recent article: its story, its overlap with the story's first
 * article, its signature and the time it was seen (its fetch time), by which it ages out.
 */
public record StoryEntry(String storyId, @Nullable Double overlap, Signature signature, long seenAt) {

    public StoryEntry {
        requireNonNull(storyId, "storyId");
        requireNonNull(signature, "signature");
    }
}
