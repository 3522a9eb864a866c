package io.newsflow.enrich.tag.country;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * US and Canadian towns named like a country or capital ("London", Ontario; "Lebanon", Ohio), with
 * the state or province each lies in, loaded from {@code homonym-towns.tsv} (generated from
 * GeoNames, see the file's header). An article that names one of those states or provinces may
 * mean the town.
 */
final class HomonymTowns {

    static final String RESOURCE = "/io/newsflow/enrich/tag/country/homonym-towns.tsv";

    private static final String SHAPE = "town<TAB>region";

    private final Map<String, List<String>> regions;

    private HomonymTowns(Map<String, List<String>> regions) {
        this.regions = regions;
    }

    static HomonymTowns shipped() {
        Map<String, List<String>> regions = new HashMap<>();
        WordLists.shipped(RESOURCE, 2, SHAPE, f -> add(regions, f));
        return freeze(regions);
    }

    static HomonymTowns read(InputStream in) throws IOException {
        Map<String, List<String>> regions = new HashMap<>();
        WordLists.read(in, 2, SHAPE, f -> add(regions, f));
        return freeze(regions);
    }

    private static void add(Map<String, List<String>> regions, String[] fields) {
        regions.computeIfAbsent(fields[0], k -> new ArrayList<>()).add(fields[1]);
    }

    private static HomonymTowns freeze(Map<String, List<String>> regions) {
        Map<String, List<String>> frozen = new HashMap<>();
        regions.forEach((town, r) -> frozen.put(town, List.copyOf(r)));
        return new HomonymTowns(frozen);
    }

    /** Whether {@code surface} names a US or Canadian town. */
    boolean isTown(String surface) {
        return regions.containsKey(surface);
    }

    /**
     * Whether {@code surface} names a town in a state or province the article names too: {@code words}
     * are the article's tokens, {@code text} its text (for regions of more than one word).
     */
    boolean inNamedRegion(String surface, Set<String> words, String text) {
        List<String> r = regions.get(surface);
        if (r == null) {
            return false;
        }
        for (String region : r) {
            if (region.indexOf(' ') < 0 ? words.contains(region) : text.contains(region)) {
                return true;
            }
        }
        return false;
    }
}
