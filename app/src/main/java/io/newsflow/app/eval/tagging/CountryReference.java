package io.newsflow.app.eval.tagging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Public facts that turn a corpus's place annotations into ISO 3166-1 alpha-2 country codes:
 * GeoNames {@code countryInfo.txt} (a country's geonameid, ISO3 code and capital) and the
 * nationality tables of mordecai ({@code nationality,alpha_3_code}) and CLIFF (country name,
 * adjectivals, demonyms), read from one directory ({@code ../shared/data/countries/reference}).
 */
final class CountryReference {

    static final String COUNTRY_INFO = "geonames_countryInfo.txt";
    static final String NATIONALITIES = "mordecai_nat_df.csv";
    static final String DEMONYMS = "cliff_wikipedia-demonyms.tsv";

    private final Map<String, String> byGeonameId = new HashMap<>();
    private final Map<String, String> byCapital = new HashMap<>();
    private final Map<String, String> byDemonym = new HashMap<>();

    private CountryReference() {
    }

    static CountryReference read(Path dir) throws IOException {
        CountryReference ref = new CountryReference();
        Map<String, String> byIso3 = new HashMap<>();
        Map<String, String> byName = new HashMap<>();
        for (String line : lines(dir.resolve(COUNTRY_INFO))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 17) {
                throw new IOException(COUNTRY_INFO + ": bad line: " + line);
            }
            byIso3.put(f[1], f[0]);
            byName.put(f[4], f[0]);
            if (!f[5].isEmpty()) {
                ref.byCapital.putIfAbsent(f[5], f[0]);
            }
            if (!f[16].isEmpty()) {
                ref.byGeonameId.put(f[16], f[0]);
            }
        }
        for (String line : lines(dir.resolve(NATIONALITIES))) {
            String[] f = line.split(",");
            if (f.length == 2 && byIso3.containsKey(f[1].strip())) {
                ref.byDemonym.putIfAbsent(f[0].strip(), byIso3.get(f[1].strip()));
            }
        }
        for (String line : lines(dir.resolve(DEMONYMS))) {
            String[] f = line.split("\t");
            String code = f.length == 3 ? byName.get(f[0].strip()) : null;
            if (code != null) {
                for (String column : new String[] {f[1], f[2]}) {
                    for (String word : column.split(",")) {
                        ref.byDemonym.putIfAbsent(word.strip(), code);
                    }
                }
            }
        }
        return ref;
    }

    private static List<String> lines(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("reference file missing: " + file);
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** The country whose GeoNames id this is, if it is a country's. */
    @Nullable String country(String geonameId) {
        return byGeonameId.get(geonameId);
    }

    /** The country whose capital has this name ("Washington" or "Washington, D.C."). */
    @Nullable String capitalOf(String name) {
        int comma = name.indexOf(',');
        return byCapital.get(comma < 0 ? name : name.substring(0, comma));
    }

    /** The country of a nationality word ("Mexicans", "Saudi"). */
    @Nullable String demonym(String word) {
        return byDemonym.get(word);
    }
}
