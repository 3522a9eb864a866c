package io.newsflow.app.cli;

import io.newsflow.core.record.Article;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stories {@code tail --distinct story} has shown, so each is shown once: an article passes when
 * no article of its story (its {@code storyId}, else its own id) was shown before. Bounded: the
 * stories shown longest ago are forgotten beyond the capacity, so a long tail keeps its memory.
 */
final class ShownStories {

    private final Map<String, Boolean> shown;

    ShownStories(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.shown = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Whether the article is the first of its story seen here; remembers its story either way. */
    boolean firstOfStory(Article article) {
        String story = article.storyId() != null ? article.storyId() : article.id();
        return shown.put(story, Boolean.TRUE) == null;
    }
}
