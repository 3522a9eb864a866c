package io.newsflow.enrich.tag.country;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The word lists the country tagger reads context with ("Dublin Road", "a Lebanon woman", "U.S.
 * Senate"), loaded from {@code context.tsv}, which records their source and licence. A list the
 * tagger asks for and the file lacks is a packaging bug and fails at load.
 */
final class ContextWords {

    static final String RESOURCE = "/io/newsflow/enrich/tag/country/context.tsv";
    static final String GENERATED = "/io/newsflow/enrich/tag/country/context-wordnet.tsv";

    private final Map<String, Set<String>> lists;

    private ContextWords(Map<String, Set<String>> lists) {
        this.lists = lists;
    }

    /** The hand-made lists and those generated from WordNet, as shipped in the jar. */
    static ContextWords shipped() {
        Map<String, Set<String>> lists = new HashMap<>();
        for (String resource : new String[] {RESOURCE, GENERATED}) {
            WordLists.shipped(resource, 2, "list<TAB>word", f -> add(lists, f));
        }
        return freeze(lists);
    }

    static ContextWords read(InputStream in) throws IOException {
        Map<String, Set<String>> lists = new HashMap<>();
        WordLists.read(in, 2, "list<TAB>word", f -> add(lists, f));
        return freeze(lists);
    }

    private static void add(Map<String, Set<String>> lists, String[] fields) {
        lists.computeIfAbsent(fields[0], k -> new HashSet<>()).add(fields[1]);
    }

    private static ContextWords freeze(Map<String, Set<String>> lists) {
        Map<String, Set<String>> frozen = new HashMap<>();
        lists.forEach((name, words) -> frozen.put(name, Set.copyOf(words)));
        return new ContextWords(frozen);
    }

    /** The words of list {@code name}. */
    Set<String> list(String name) {
        Set<String> words = lists.get(name);
        if (words == null) {
            throw new IllegalStateException("context list '" + name + "' missing from " + RESOURCE);
        }
        return words;
    }
}
