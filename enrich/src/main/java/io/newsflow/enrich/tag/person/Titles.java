package io.newsflow.enrich.tag.person;

import java.util.Locale;
import java.util.Set;

/** Titles and honorifics, which precede a name but are not part of it. */
final class Titles {

    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "sir", "dame", "lord", "lady", "madam",
            "president", "vice", "premier", "chancellor", "pm", "minister", "secretary", "king", "queen",
            "prince", "princess", "emperor", "sheikh", "sheik", "emir", "sultan", "imam", "ayatollah",
            "pope", "cardinal", "archbishop", "bishop", "rev", "reverend", "father", "rabbi",
            "general", "gen", "colonel", "col", "lt", "lieutenant", "major", "maj", "captain", "capt",
            "sergeant", "sgt", "admiral", "adm", "commander", "marshal", "corporal", "private",
            "senator", "sen", "rep", "representative", "congressman", "congresswoman", "gov", "governor",
            "mayor", "judge", "justice", "ambassador", "envoy", "commissioner", "inspector", "detective",
            "chairman", "chairwoman", "chief", "professor", "prof", "coach", "spokesman", "spokeswoman",
            "mrs.", "mr.", "ms.", "dr.", "gen.", "col.", "lt.", "maj.", "capt.", "sgt.", "adm.", "sen.",
            "rep.", "gov.", "rev.", "prof.");

    private Titles() {
    }

    static boolean isTitle(String word) {
        return TITLES.contains(word.toLowerCase(Locale.ROOT));
    }
}
