package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The verdict on a faulted run: of the articles expected (url to the marker of its latest revision),
 * how many are stored, how many are stored more than once, and which are missing or stale. Printed
 * as one JSON line so the numbers in {@code docs/reliability.md} come from real runs.
 */
record FinalState(String fault, int expected, long stored, long duplicated, Set<String> missing, Set<String> stale,
        long topicDuplicates) {

    static FinalState of(String fault, Map<String, String> expected, List<StoredArticles.Row> rows, long topicDuplicates) {
        Map<String, List<StoredArticles.Row>> byUrl = rows.stream()
                .filter(r -> expected.containsKey(r.url()))
                .collect(Collectors.groupingBy(StoredArticles.Row::url));
        long duplicated = byUrl.values().stream().mapToLong(copies -> copies.size() - 1).sum();
        Set<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(byUrl.keySet());
        Set<String> stale = byUrl.entrySet().stream()
                .filter(e -> e.getValue().stream().noneMatch(r -> r.text().contains(expected.get(e.getKey()))))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        return new FinalState(fault, expected.size(), byUrl.size(), duplicated, missing, stale, topicDuplicates);
    }

    /** Whether every expected article is stored at its latest revision (duplicates are asserted separately). */
    boolean complete() {
        return missing.isEmpty() && stale.isEmpty();
    }

    String json() {
        return String.format("{\"fault\":\"%s\",\"expected\":%d,\"stored\":%d,\"duplicated\":%d,\"missing\":%d,"
                + "\"stale\":%d,\"topicDuplicates\":%d}", fault, expected, stored, duplicated, missing.size(),
                stale.size(), topicDuplicates);
    }

    /** Prints the JSON line and asserts: every article present exactly once, at its latest revision. */
    void assertExactlyOnceAtLatest() {
        System.out.println("reliability " + json());
        assertEquals(Set.of(), missing, "articles missing from storage");
        assertEquals(Set.of(), stale, "articles stored at an older revision");
        assertEquals(0, duplicated, "articles stored more than once");
        assertEquals(expected, stored, "articles stored");
    }
}
