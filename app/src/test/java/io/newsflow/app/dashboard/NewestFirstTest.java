package io.newsflow.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewestFirstTest {

    private static final Instant T = Instant.parse("2026-12-06T12:00:00Z");

    private record Item(String id, int version, Instant at) {
    }

    private final NewestFirst<Item> list = new NewestFirst<>(3, Item::at, (a, b) -> a.id().equals(b.id()));

    private List<String> ids() {
        return list.items().stream().map(i -> i.id() + i.version()).toList();
    }

    @Test
    void keepsTheNewestByTimeWhateverTheArrivalOrder() {
        list.add(new Item("c", 1, T.plusSeconds(3)));
        list.add(new Item("a", 1, T.plusSeconds(1)));
        list.add(new Item("d", 1, T.plusSeconds(4)));
        list.add(new Item("b", 1, T.plusSeconds(2)));
        list.add(new Item("old", 1, T.minusSeconds(60)));

        assertEquals(List.of("d1", "c1", "b1"), ids());
    }

    @Test
    void tiesListTheNewestArrivalFirstAndANewVersionReplacesTheOld() {
        list.add(new Item("a", 1, T));
        list.add(new Item("b", 1, T));
        list.add(new Item("a", 2, T));

        assertEquals(List.of("a2", "b1"), ids());
    }

    @Test
    void limitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new NewestFirst<Item>(0, Item::at, (a, b) -> false));
    }
}
