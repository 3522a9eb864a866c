package io.newsflow.enrich.tag.country;

import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.Span;
import io.newsflow.enrich.tag.text.EntityRange;
import io.newsflow.enrich.tag.text.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds country mentions: gazetteer surfaces matched longest first over the article's tokens,
 * then kept only when the context says they are the country. A name inside a longer named entity
 * ("Bank of America", "Paris Agreement", "Paris Hilton"), before an organisation or place head word
 * ("USA Today", "Dublin Road"), or before ", Texas" is not a mention; "Georgia" in an article about
 * Atlanta is the US state; a sentence-initial "Turkey" in an article that writes "turkey" is the
 * bird. Immutable and thread-safe.
 */
public final class CountryTagger {

    private final Gazetteer gazetteer;
    private final HomonymTowns homonymTowns;
    private final Set<String> headsAfter;
    private final Set<String> government;
    private final Set<String> localHeadsAfter;
    private final Set<String> headsBefore;
    private final Set<String> headsAfterUpper;
    private final Set<String> headsBeforeUpper;
    private final Set<String> headsOf;
    private final Set<String> usStates;
    private final Set<String> usStateNames;
    private final Set<String> caucasus;
    private final Set<String> americanSouth;
    private final Set<String> commonNouns;
    private final Set<String> functionWords;
    private final Set<String> thingHeads;
    private final Set<String> speechVerbs;
    private final Set<String> speechLemmas;
    private final Set<String> metonymyBefore;
    private final Set<String> auxiliaries;
    private final Set<String> streetHeads;
    private final Set<String> articles;
    private final Set<String> languages;

    private CountryTagger(Gazetteer gazetteer, ContextWords words, HomonymTowns homonymTowns) {
        this.gazetteer = gazetteer;
        this.homonymTowns = homonymTowns;
        this.headsAfter = words.list("heads-after");
        this.government = words.list("government");
        this.localHeadsAfter = words.list("local-heads-after");
        this.headsBefore = words.list("heads-before");
        this.headsAfterUpper = upper(headsAfter);
        this.headsBeforeUpper = upper(headsBefore);
        this.headsOf = words.list("heads-of");
        this.usStates = words.list("us-states");
        this.usStateNames = words.list("us-state-names");
        this.caucasus = words.list("caucasus");
        this.americanSouth = words.list("american-south");
        this.commonNouns = words.list("common-nouns");
        this.functionWords = words.list("function-words");
        this.thingHeads = words.list("thing-heads");
        this.speechVerbs = words.list("speech-verbs");
        this.speechLemmas = words.list("speech-lemmas");
        this.metonymyBefore = words.list("metonymy-before");
        this.auxiliaries = words.list("auxiliaries");
        this.streetHeads = words.list("street-heads");
        this.articles = words.list("articles");
        this.languages = languageNames();
    }

    /** The tagger over the gazetteer shipped in the jar. */
    public static CountryTagger shipped() {
        return new CountryTagger(Gazetteer.shipped(), ContextWords.shipped(), HomonymTowns.shipped());
    }

    private record Match(Gazetteer.Entry entry, int sentence, int from, int to, int start, int end,
            boolean headline, boolean framed, int town) {

        Match withContext(boolean framed, int town) {
            return new Match(entry, sentence, from, to, start, end, headline, framed, town);
        }
    }

    /**
     * Countries mentioned in {@code text}, most mentioned first.
     *
     * @param sentences the text's tokens
     * @param entities named-entity spans of the same text, used to veto matches inside them
     */
    public List<CountryTag> tag(String text, List<List<Token>> sentences, List<EntityRange> entities) {
        List<List<CountryTokens.Piece>> pieces = new ArrayList<>(sentences.size());
        Set<String> words = new HashSet<>();
        for (List<Token> sentence : sentences) {
            List<CountryTokens.Piece> p = CountryTokens.split(sentence, new ArrayList<>(sentence.size() + 4));
            pieces.add(p);
            for (CountryTokens.Piece piece : p) {
                words.add(piece.key());
            }
        }
        List<Match> matches = new ArrayList<>();
        for (int s = 0; s < pieces.size(); s++) {
            List<CountryTokens.Piece> p = pieces.get(s);
            boolean headline = isHeadline(p);
            int i = 0;
            while (i < p.size()) {
                Match m = longest(gazetteer.exact(), p, s, i, false);
                if (isCapitals(p.get(i).key())) {
                    Match upper = longest(gazetteer.upper(), p, s, i, true);
                    if (upper != null && (m == null || upper.to() > m.to() || headline)) {
                        m = upper;
                    }
                }
                if (m == null) {
                    i++;
                    continue;
                }
                if (!m.entry().code().equals(Gazetteer.BLOCK) && keep(m, p, i, words, entities, headline)) {
                    matches.add(m.withContext(m.entry().kind().equals("capital") && metonymic(m, p),
                            townFrame(m, p, entities)));
                }
                i = m.to();
            }
        }
        Set<String> personOnly = personOnly(matches, entities);
        return collect(text, matches, words, personOnly);
    }

    private List<CountryTag> collect(String text, List<Match> matches, Set<String> words,
            Set<String> personOnly) {
        boolean georgiaIsState = georgiaIsState(words, caucasus, americanSouth);
        boolean local = isLocal(words);
        Set<String> named = new HashSet<>();
        for (Match m : matches) {
            if (!m.entry().kind().equals("capital") || m.headline() || m.framed()) {
                named.add(m.entry().code());
            }
        }
        // a name written as a home town or in an address ("Smith, 36, of Lebanon", "12 Main St., Paris";
        // in local news also "Jane Smith of Lebanon") is the town wherever it occurs, unless a demonym
        // speaks of the country
        Set<String> towns = new HashSet<>();
        Set<String> demonyms = new HashSet<>();
        for (Match m : matches) {
            if (m.town() == AGE_OR_ADDRESS || (local && m.town() == PERSON_OF)) {
                towns.add(m.entry().code());
            }
            if (m.entry().kind().equals("demonym")) {
                demonyms.add(m.entry().code());
            }
        }
        towns.removeAll(demonyms);
        // a country or capital name that is also a town of a US state or Canadian province the
        // article names ("London" beside "Ontario", "Lebanon" beside "Ohio") is the town, unless the
        // country has other evidence: another of its names, a demonym, or the name in a metonymy frame
        Set<String> homonyms = new HashSet<>();
        Set<String> evidence = new HashSet<>();
        for (Match m : matches) {
            if (!m.framed() && !m.entry().kind().equals("demonym")
                    && homonymTowns.inNamedRegion(m.entry().surface(), words, text)) {
                homonyms.add(m.entry().code());
            } else {
                evidence.add(m.entry().code());
            }
        }
        homonyms.removeAll(evidence);
        towns.addAll(homonyms);
        Map<String, List<Span>> byCode = new LinkedHashMap<>();
        for (Match m : matches) {
            String code = m.entry().code();
            if (georgiaIsState && code.equals("GE") && !m.entry().kind().equals("capital")) {
                continue;
            }
            if (personOnly.contains(m.entry().surface()) || towns.contains(code)) {
                continue;
            }
            // in local news a capital named on its own is more likely a town when the US or Canada
            // has a town of that name: Paris, Texas; London, Ontario (not Stockholm or Washington); in a
            // dateline or a metonymy frame ("Beijing said", "talks with Moscow") it is still the capital
            if (local && !named.contains(code) && homonymTowns.isTown(m.entry().surface())) {
                continue;
            }
            byCode.computeIfAbsent(m.entry().code(), c -> new ArrayList<>())
                    .add(new Span(m.start(), m.end(), text.substring(m.start(), m.end()), m.entry().kind()));
        }
        List<CountryTag> tags = new ArrayList<>(byCode.size());
        byCode.forEach((code, spans) -> tags.add(new CountryTag(code, gazetteer.name(code), spans.size(), spans)));
        tags.sort(Comparator.comparingInt(CountryTag::count).reversed()
                .thenComparingInt(t -> t.mentions().get(0).start()));
        return tags;
    }

    // surfaces the model reads as a person wherever they occur ("Georgia began skating at four")
    private static Set<String> personOnly(List<Match> matches, List<EntityRange> entities) {
        Set<String> person = new HashSet<>();
        Set<String> other = new HashSet<>();
        for (Match m : matches) {
            boolean inPerson = false;
            for (EntityRange e : entities) {
                if (e.type().equals("PER") && e.overlaps(m.start(), m.end())) {
                    inPerson = true;
                    break;
                }
            }
            // capitals are rarely surnames: "Pyongyang" read as a person stays a capital
            boolean nameLike = m.entry().kind().equals("name") || m.entry().kind().equals("demonym");
            (inPerson && nameLike ? person : other).add(m.entry().surface());
        }
        person.removeAll(other);
        return person;
    }

    private boolean isLocal(Set<String> words) {
        for (String w : usStates) {
            if (words.contains(w)) {
                return true;
            }
        }
        return words.contains("County");
    }

    private static boolean georgiaIsState(Set<String> words, Set<String> caucasus, Set<String> americanSouth) {
        return !mentionsAny(words, caucasus) && mentionsAny(words, americanSouth);
    }

    // datelines write the town in capitals ("ATLANTA -", "TBILISI -")
    private static boolean mentionsAny(Set<String> words, Set<String> list) {
        for (String w : list) {
            if (words.contains(w) || words.contains(w.toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Match longest(Gazetteer.Node root, List<CountryTokens.Piece> p, int s, int i, boolean upper) {
        Gazetteer.Node node = root;
        Match best = null;
        for (int j = i; j < p.size(); j++) {
            String key = p.get(j).key();
            node = node.children.get(upper ? key.toUpperCase(Locale.ROOT) : key);
            if (node == null) {
                break;
            }
            if (node.entry != null) {
                best = new Match(node.entry, s, i, j + 1, p.get(i).start(), p.get(j).end(), upper, false, 0);
            }
        }
        return best;
    }

    private boolean keep(Match m, List<CountryTokens.Piece> p, int i, Set<String> words, List<EntityRange> entities,
            boolean headline) {
        for (EntityRange e : entities) {
            if (e.person() && e.overlaps(m.start(), m.end())) {
                return false;
            }
            if (e.contains(m.start(), m.end()) && e.end() - e.start() > m.end() - m.start()
                    && !e.type().equals("PER") && !wraps(e, m, p, words) && !governs(m, p)) {
                return false;
            }
        }
        String after = m.to() < p.size() ? p.get(m.to()).key() : "";
        // a headline or dateline in capitals writes its head words in capitals too ("ST. PARIS -")
        if (headsAfter.contains(after) || (m.headline() && headsAfterUpper.contains(after))) {
            return false;
        }
        if (localHeadsAfter.contains(after) && !m.entry().kind().equals("demonym")) {
            return false;
        }
        if (after.equals(",") && m.to() + 1 < p.size() && usStates.contains(p.get(m.to() + 1).key())
                && !m.entry().kind().equals("demonym")) {
            return false;
        }
        // "Mexican food", "Italian restaurant", "Irish songs": a style, breed or cuisine, not the country
        if (m.entry().kind().equals("demonym") && thingHeads.contains(after)) {
            return false;
        }
        // "the Georgia state line", "Washington state law": the US state
        if (usStateNames.contains(m.entry().surface()) && after.equals("state")) {
            return false;
        }
        String before = i > 0 ? p.get(i - 1).key() : "";
        // "Oregon and Washington laws", "Washington, Idaho or Montana": a US state in a list of US states
        if (usStateNames.contains(m.entry().surface())
                && ((isJoin(before) && i > 1 && usStates.contains(p.get(i - 2).key()))
                || (isJoin(after) && m.to() + 1 < p.size() && usStates.contains(p.get(m.to() + 1).key())))) {
            return false;
        }
        // "Seattle, Washington", "Atlanta, Georgia": a US state after a town; "Beijing, Washington" is a list
        if (usStateNames.contains(m.entry().surface()) && before.equals(",") && i > 1
                && Character.isUpperCase(p.get(i - 2).key().charAt(0))
                && longest(gazetteer.exact(), p, m.sentence(), i - 2, false) == null) {
            return false;
        }
        // "she speaks French", "ads in English and Spanish": a demonym that is also a language's name, with
        // no article before it ("the French said") and no noun after it or after the demonyms joined to it
        // ("French and German officials"), is the language
        boolean compound = i > 0 && p.get(i - 1).token() == p.get(i).token();
        if (m.entry().kind().equals("demonym") && !m.headline() && !compound && languages.contains(m.entry().surface())
                && !articles.contains(before.toLowerCase(Locale.ROOT)) && !beforeNoun(p, m.sentence(), m.to())) {
            return false;
        }
        boolean headBefore = headsBefore.contains(before) || (m.headline() && headsBeforeUpper.contains(before));
        if (headBefore && !m.entry().kind().equals("demonym")) {
            return false;
        }
        if (before.equals("of") && i > 1 && headsOf.contains(p.get(i - 2).key())) {
            return false;
        }
        String surface = m.entry().surface();
        if (i == 0 && !headline && commonNouns.contains(surface)
                && words.contains(surface.toLowerCase(Locale.ROOT))) {
            return false;
        }
        return true;
    }

    // whether the words from piece {@code next} on start with a noun the demonym before them modifies,
    // looking past the capitalised words joined to it by "and", "or" or commas ("French, German and Dutch
    // banks"); a function word or the sentence's end says there is none ("in English and Spanish, where")
    private boolean beforeNoun(List<CountryTokens.Piece> p, int sentence, int next) {
        int j = next;
        while (j < p.size()) {
            String k = p.get(j).key();
            if (!(k.equals(",") || k.equals("and") || k.equals("or"))) {
                String lower = k.toLowerCase(Locale.ROOT);
                return Character.isLetter(k.charAt(0)) && !functionWords.contains(lower) && !articles.contains(lower);
            }
            while (j < p.size() && (p.get(j).key().equals(",") || p.get(j).key().equals("and")
                    || p.get(j).key().equals("or"))) {
                j++;
            }
            if (j == p.size() || !Character.isUpperCase(p.get(j).key().charAt(0))) {
                continue;
            }
            Match joined = longest(gazetteer.exact(), p, sentence, j, false);
            j = joined != null ? joined.to() : j + 1;
        }
        return false;
    }

    private static boolean isJoin(String key) {
        return key.equals("and") || key.equals("or") || key.equals(",");
    }

    private static Set<String> upper(Set<String> words) {
        Set<String> upper = new HashSet<>();
        words.forEach(w -> upper.add(w.toUpperCase(Locale.ROOT)));
        return Set.copyOf(upper);
    }

    // the English names of the ISO 639 languages, from the JDK's locale data (Unicode CLDR)
    private static Set<String> languageNames() {
        Set<String> names = new HashSet<>();
        for (String code : Locale.getISOLanguages()) {
            names.add(new Locale(code).getDisplayLanguage(Locale.ENGLISH));
        }
        return Set.copyOf(names);
    }

    // a capital as the subject of a verb of saying or thinking ("Moscow said", "Beijing has warned") or
    // after "talks with", "ambassador to", "relations with": the government, not the city
    private boolean metonymic(Match m, List<CountryTokens.Piece> p) {
        int next = m.to();
        if (next < p.size() && p.get(next).key().equals("'s")) {
            next++;
        }
        boolean auxiliary = false;
        while (next < p.size() && auxiliaries.contains(p.get(next).key())) {
            next++;
            auxiliary = true;
        }
        // an inflected verb, or a bare one after an auxiliary ("will say"); "London-based" is one word
        if (next < p.size() && p.get(next).token() != p.get(m.to() - 1).token()
                && speechVerbs.contains(p.get(next).key())
                && (auxiliary || !speechLemmas.contains(p.get(next).key()))) {
            return true;
        }
        int i = m.from();
        return i >= 2 && metonymyBefore.contains(p.get(i - 2).key().toLowerCase(Locale.ROOT) + " " + p.get(i - 1).key());
    }

    // "Jane Smith, 36, of Lebanon", "Jane Smith of Lebanon", "Jane Smith, 36, Lebanon", "400 Locust St., Lebanon":
    // where a local paper writes a person's home town or an address
    private static final int NO_TOWN = 0;
    private static final int PERSON_OF = 1;
    private static final int AGE_OR_ADDRESS = 2;

    private int townFrame(Match m, List<CountryTokens.Piece> p, List<EntityRange> entities) {
        int i = m.from();
        String before = i > 0 ? p.get(i - 1).key() : "";
        if (before.equals("of") && i >= 2) {
            if (isAge(p, i - 2)) {
                return AGE_OR_ADDRESS;
            }
            int nameEnd = p.get(i - 2).end();
            for (EntityRange e : entities) {
                if (e.type().equals("PER") && e.end() == nameEnd) {
                    return PERSON_OF;
                }
            }
            return NO_TOWN;
        }
        boolean ageOrAddress = before.equals(",") && i >= 2
                && (isAge(p, i - 1) || streetHeads.contains(p.get(i - 2).key()));
        return ageOrAddress ? AGE_OR_ADDRESS : NO_TOWN;
    }

    // ", 36," ending at piece {@code comma}
    private static boolean isAge(List<CountryTokens.Piece> p, int comma) {
        if (comma < 2 || !p.get(comma).key().equals(",") || !p.get(comma - 2).key().equals(",")) {
            return false;
        }
        String n = p.get(comma - 1).key();
        return n.length() <= 3 && n.chars().allMatch(Character::isDigit);
    }

    // "U.S. House of Representatives", "Chinese Foreign Ministry": the state's own institutions name it
    private boolean governs(Match m, List<CountryTokens.Piece> p) {
        return m.to() < p.size() && government.contains(p.get(m.to()).key());
    }

    // an entity span that only adds a leading "the", a possessive, the rest of a hyphenated word
    // ("Canada-wide", "Britain-based") or other country names ("Greece Italy", a list the model read as
    // one place) around the name still names the country
    private boolean wraps(EntityRange e, Match m, List<CountryTokens.Piece> p, Set<String> words) {
        int extra = 0;
        int firstToken = p.get(m.from()).token();
        int lastToken = p.get(m.to() - 1).token();
        int i = 0;
        while (i < p.size()) {
            CountryTokens.Piece piece = p.get(i);
            if (piece.start() >= e.start() && piece.end() <= e.end()
                    && (piece.end() <= m.start() || piece.start() >= m.end())
                    && piece.token() != firstToken && piece.token() != lastToken) {
                Match other = longest(gazetteer.exact(), p, m.sentence(), i, false);
                if (other != null && other.entry().kind().equals("name") && p.get(other.to() - 1).end() <= e.end()) {
                    i = other.to();
                    continue;
                }
                String k = piece.key();
                // a sentence's first word, capitalised only by position, does not make a name longer
                String lower = k.toLowerCase(Locale.ROOT);
                boolean ordinary = piece.token() == 0 && (words.contains(lower) || functionWords.contains(lower));
                if (!(ordinary || k.equalsIgnoreCase("the") || k.equals("'s") || k.equals("'"))) {
                    extra++;
                }
            }
            i++;
        }
        return extra == 0;
    }

    private static boolean isCapitals(String key) {
        int letters = 0;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    private static boolean isHeadline(List<CountryTokens.Piece> p) {
        int letters = 0;
        int upper = 0;
        for (CountryTokens.Piece piece : p) {
            String k = piece.key();
            for (int i = 0; i < k.length(); i++) {
                char c = k.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    }
                }
            }
        }
        return letters > 12 && upper * 10 >= letters * 8;
    }
}
