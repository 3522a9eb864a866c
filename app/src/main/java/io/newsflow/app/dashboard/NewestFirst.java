package io.newsflow.app.dashboard;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A dashboard list of the newest items, bounded: ordered by each item's time, newest first, ties
 * newest arrival first. A feed reads back the last records of every partition at start, and those of
 * one partition can arrive after newer ones of another: kept in arrival order, older items would push
 * newer ones out. Not thread-safe; its feed guards it.
 *
 * @param <T> the listed item
 */
final class NewestFirst<T> {

    private final int limit;
    private final Function<T, Instant> time;
    private final BiPredicate<T, T> sameItem;
    private final List<T> items = new ArrayList<>();

    /**
     * @param limit items kept
     * @param time an item's time
     * @param sameItem whether a new item replaces a listed one (a new version of it)
     */
    NewestFirst(int limit, Function<T, Instant> time, BiPredicate<T, T> sameItem) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
        this.limit = limit;
        this.time = requireNonNull(time, "time");
        this.sameItem = requireNonNull(sameItem, "sameItem");
    }

    /** Lists {@code item} in its place, replacing the listed item it is the same as; the oldest beyond the limit go. */
    void add(T item) {
        items.removeIf(listed -> sameItem.test(listed, item));
        Instant at = time.apply(item);
        int position = 0;
        while (position < items.size() && time.apply(items.get(position)).isAfter(at)) {
            position++;
        }
        items.add(position, item);
        while (items.size() > limit) {
            items.remove(items.size() - 1);
        }
    }

    /** The items, newest first; a copy. */
    List<T> items() {
        return List.copyOf(items);
    }
}
