package io.newsflow.enrich.tag.country;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The country gazetteer as a token trie: surfaces (names, demonyms, capitals, seats, and blocking
 * surfaces such as "New Mexico") keyed by their tokens, matched longest first. A second trie keyed
 * by upper-case tokens serves headlines and datelines written in capitals.
 */
final class Gazetteer {

    static final String RESOURCE = "/io/newsflow/enrich/tag/country/countries.tsv";
    static final String BLOCK = "-";

    /** What a surface refers to: a country code (or {@link #BLOCK}) and how it refers. */
    record Entry(String code, String kind, String surface) {
    }

    static final class Node {
        final Map<String, Node> children = new HashMap<>(4);
        Entry entry;
    }

    private final Node exact = new Node();
    private final Node upper = new Node();
    private final Map<String, String> names = new LinkedHashMap<>();

    static Gazetteer shipped() {
        Gazetteer g = new Gazetteer();
        WordLists.shipped(RESOURCE, 3, "code<TAB>name<TAB>kind", f -> g.add(new Entry(f[0], f[1], f[2])));
        return g;
    }

    private void add(Entry entry) {
        if (entry.kind().equals("name") && !entry.code().equals(BLOCK)) {
            names.putIfAbsent(entry.code(), entry.surface());
        }
        List<String> keys = keys(entry.surface());
        insert(exact, keys, entry);
        List<String> upperKeys = new ArrayList<>(keys.size());
        for (String k : keys) {
            upperKeys.add(k.toUpperCase(Locale.ROOT));
        }
        // capitals-only matching is for names long enough not to be words ("US" is also "us")
        if (entry.surface().replace(".", "").length() >= 4 || entry.surface().contains(".")) {
            insert(upper, upperKeys, entry);
        }
    }

    private static void insert(Node root, List<String> keys, Entry entry) {
        Node node = root;
        for (String k : keys) {
            node = node.children.computeIfAbsent(k, x -> new Node());
        }
        if (node.entry == null || node.entry.code().equals(BLOCK)) {
            node.entry = node.entry == null ? entry : node.entry;
        }
    }

    Node exact() {
        return exact;
    }

    Node upper() {
        return upper;
    }

    String name(String code) {
        return names.getOrDefault(code, code);
    }

    /** The match keys of a surface, split as {@link CountryTokens} splits text. */
    static List<String> keys(String surface) {
        List<String> keys = new ArrayList<>();
        for (CountryTokens.Piece p : CountryTokens.pieces(surface)) {
            keys.add(p.key());
        }
        return keys;
    }
}
