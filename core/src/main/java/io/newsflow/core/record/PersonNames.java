package io.newsflow.core.record;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a person's name reduces to the key that identifies them across articles, so that "Donald
 * Trump", "Donald J. Trump", "President Trump's" and "Dönald Trump" meet. Enrich, the sink's queries,
 * {@code tail} and the dashboard all reduce names here, so a variant a reader types finds what the
 * tagger linked.
 *
 * <p>A name's words are folded (diacritics removed, lower case), possessives, titles, initials and
 * suffixes ("Jr", "III") dropped; the key is then the first and the last remaining word: middle names
 * vary from one article to the next far more than people share a first and last name. A one-word
 * key is a bare surname (or a family name written first, "Xi"), which on its own identifies nobody.
 */
public final class PersonNames {

    private static final Set<String> TITLES = load("person-titles.txt");
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");
    /** Lower-case particles that belong to the surname that follows ("van Gogh", "bin Salman"). */
    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "da", "di", "del", "der", "du",
            "la", "le", "bin", "ibn", "al", "el", "ben");

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern POSSESSIVE = Pattern.compile("('s|')$");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    private static final Pattern NON_SLUG = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("(^-|-$)");

    private PersonNames() {
    }

    /** Whether a word (any case, with or without a full stop) is a title that precedes a name. */
    public static boolean isTitle(String word) {
        return TITLES.contains(stripStop(word.toLowerCase(Locale.ROOT)));
    }

    /**
     * The folded words that identify a person: titles, initials, suffixes and possessives gone.
     * Empty when nothing of a name is left.
     */
    public static List<String> words(String name) {
        String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .replace('\u2019', '\'').toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String raw : SPACES.split(folded.trim())) {
            String w = stripStop(EDGE_PUNCTUATION.matcher(POSSESSIVE.matcher(raw).replaceAll("")).replaceAll(""));
            if (!w.isEmpty() && w.length() > 1 && !SUFFIXES.contains(w)) {
                words.add(w);
            }
        }
        // leading titles go, but never the last word: "Mr. Major" is Major, "President Obama" Obama
        while (words.size() > 1 && TITLES.contains(words.get(0))) {
            words.remove(0);
        }
        return words;
    }

    /**
     * The identity key: {@code "first last"} for a full name, with a surname's particles kept
     * ({@code "ludwig van beethoven"}), or the one word of a bare name; empty for no name.
     */
    public static String key(String name) {
        List<String> words = words(name);
        if (words.size() < 2) {
            return words.isEmpty() ? "" : words.get(0);
        }
        int surname = words.size() - 1;
        while (surname > 1 && PARTICLES.contains(words.get(surname - 1))) {
            surname--;
        }
        return words.get(0) + " " + String.join(" ", words.subList(surname, words.size()));
    }

    /** Whether the name is a full name (a first and a last word), which identifies a person alone. */
    public static boolean isFullName(String name) {
        return key(name).indexOf(' ') > 0;
    }

    /** The surname key of a full name (its last word with particles), or the bare name itself. */
    public static String surname(String name) {
        String key = key(name);
        int space = key.indexOf(' ');
        return space < 0 ? key : key.substring(space + 1);
    }

    /** The entity id a name identifies: {@code person:} and the slug of its key ("person:donald-trump"). */
    public static String entityId(String name) {
        String slug = EDGE_DASHES.matcher(NON_SLUG.matcher(key(name)).replaceAll("-")).replaceAll("");
        return "person:" + slug;
    }

    private static String stripStop(String word) {
        return word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PersonNames.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + PersonNames.class.getName());
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
