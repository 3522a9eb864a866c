package io.newsflow.enrich.extract;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A light language guess for pages that do not declare one: counts the most frequent function
 * words of a few languages, and falls back to the script for languages without spaces.
 */
final class LanguageGuesser {

    // in a fixed order, so a tie always resolves the same way
    private static final List<Map.Entry<String, Set<String>>> STOPWORDS = List.of(
            Map.entry("en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "with", "on", "as", "are")),
            Map.entry("de", Set.of("der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "sich", "auf", "von")),
            Map.entry("fr", Set.of("le", "la", "les", "et", "des", "est", "une", "dans", "que", "pour", "pas", "qui", "sur", "du")),
            Map.entry("es", Set.of("el", "la", "los", "las", "y", "que", "en", "por", "una", "con", "para", "del", "se", "es")),
            Map.entry("it", Set.of("il", "di", "che", "e", "la", "per", "una", "sono", "non", "della", "con", "del", "gli")),
            Map.entry("pt", Set.of("o", "os", "que", "e", "do", "da", "em", "um", "uma", "para", "com", "não", "dos", "é")),
            Map.entry("nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "niet", "op", "met", "voor", "zijn", "ik")),
            Map.entry("ru", Set.of("и", "в", "не", "на", "что", "он", "с", "как", "это", "по", "но", "из", "к", "для")));

    private static final int MIN_WORDS = 20;

    private LanguageGuesser() {
    }

    static @Nullable String guess(String text) {
        int cjk = 0;
        int hangul = 0;
        int kana = 0;
        int arabic = 0;
        int letters = 0;
        for (int i = 0; i < Math.min(text.length(), 5000); i++) {
            char ch = text.charAt(i);
            if (!Character.isLetter(ch)) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(ch);
            switch (script) {
                case HAN -> cjk++;
                case HANGUL -> hangul++;
                case HIRAGANA, KATAKANA -> kana++;
                case ARABIC -> arabic++;
                default -> { }
            }
        }
        if (letters > 0) {
            if (kana > letters / 10) {
                return "ja";
            }
            if (hangul > letters / 3) {
                return "ko";
            }
            if (cjk > letters / 3) {
                return "zh";
            }
            if (arabic > letters / 3) {
                return "ar";
            }
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+", 2000);
        if (words.length < MIN_WORDS) {
            return null;
        }
        String best = null;
        int bestHits = 0;
        for (Map.Entry<String, Set<String>> e : STOPWORDS) {
            int hits = 0;
            for (String w : words) {
                if (e.getValue().contains(w)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                bestHits = hits;
                best = e.getKey();
            }
        }
        // too few function words means the text is a list or an unknown language, not a guessable one
        return bestHits * 10 >= words.length ? best : null;
    }
}
