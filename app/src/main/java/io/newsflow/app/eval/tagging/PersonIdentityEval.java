package io.newsflow.app.eval.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.PersonForm;
import io.newsflow.core.record.PersonNames;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.enrich.tag.person.ConllCorpus;
import io.newsflow.enrich.tag.person.PersonFacts;
import io.newsflow.enrich.tag.person.PersonRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Pairwise precision and recall of "same person" across articles: every corpus the gold names is
 * read in file order, as one stream, through the shipped tagger and the person registry (linking
 * each article with what the articles before it taught, then learning from it). A gold mention's
 * prediction is the entity id of the person the tagger found over it; a mention the tagger missed
 * is a person of its own. Every pair of gold mentions is then scored: same gold person and same id
 * is a true positive. The same pairs are scored with the ids names give alone (no registry), to
 * show what the registry adds.
 */
public final class PersonIdentityEval {

    /** The shipped gold set, {@code person-identity.tsv} next to this class. */
    public static final String GOLD = "person-identity.tsv";

    /** One gold mention: a surface of one document, and who it is. */
    public record Mention(String corpus, String document, String surface, String person) {
    }

    /** Pairwise figures. */
    public record Score(double precision, double recall, double f1, long goldPairs, long predictedPairs, long correctPairs) {
    }

    /**
     * The figures, as printed by {@code newsflow eval person-identity}.
     *
     * @param registry with the registry, as enrich runs
     * @param namesAlone with the ids names give alone
     * @param mentions gold mentions
     * @param people distinct gold persons
     * @param missed gold mentions the tagger found no person over
     * @param documents documents read (all of each corpus, in order)
     * @param bareNames bare names (persons an article names by one word only), over all documents
     * @param bareLinked of those, the ones one known person goes by, which the registry linked
     * @param bareAmbiguous of those, the ones several known people go by, left apart
     * @param facts facts the registry learned
     * @param registryMicrosPerDocument linking and learning time per document, beside the tagging's
     * @param taggingMicrosPerDocument tagging time per document
     */
    public record Result(Score registry, Score namesAlone, int mentions, int people, int missed, int documents,
            int bareNames, int bareLinked, int bareAmbiguous, int facts, double registryMicrosPerDocument,
            double taggingMicrosPerDocument) {
    }

    private PersonIdentityEval() {
    }

    /** The gold set shipped with the project. */
    public static List<Mention> shippedGold() {
        try (InputStream in = PersonIdentityEval.class.getResourceAsStream(GOLD)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + GOLD + " next to " + PersonIdentityEval.class.getName());
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + GOLD, e);
        }
    }

    /** A gold file: {@code corpus<TAB>document<TAB>surface<TAB>person} a line, {@code #} comments. */
    public static List<Mention> read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in);
        }
    }

    private static List<Mention> parse(BufferedReader in) throws IOException {
        List<Mention> gold = new ArrayList<>();
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 4) {
                throw new IllegalArgumentException("gold line " + number + ": want corpus, document, surface, person; got " + line);
            }
            gold.add(new Mention(f[0], f[1], f[2], f[3]));
        }
        return gold;
    }

    /** Scores {@code gold} on the corpora under {@code dataDir} (the {@code data} directory of ../shared). */
    public static Result run(ArticleTagger tagger, Path dataDir, List<Mention> gold) throws IOException {
        Map<String, Map<String, List<Mention>>> wanted = new LinkedHashMap<>();
        for (Mention m : gold) {
            wanted.computeIfAbsent(m.corpus(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(m.document(), d -> new ArrayList<>()).add(m);
        }
        PersonFacts facts = new PersonFacts();
        Map<Mention, String> linkedIds = new LinkedHashMap<>();
        Map<Mention, String> ownIds = new LinkedHashMap<>();
        int documents = 0;
        int bareNames = 0;
        int bareLinked = 0;
        int bareAmbiguous = 0;
        int factCount = 0;
        long tagNanos = 0;
        long registryNanos = 0;
        for (Map.Entry<String, Map<String, List<Mention>>> corpus : wanted.entrySet()) {
            Map<String, String> texts = documents(dataDir.resolve(corpus.getKey()));
            for (String id : corpus.getValue().keySet()) {
                if (!texts.containsKey(id)) {
                    throw new IllegalArgumentException("gold names document " + id + " that " + corpus.getKey() + " does not have");
                }
            }
            for (Map.Entry<String, String> doc : texts.entrySet()) {
                documents++;
                long started = System.nanoTime();
                List<PersonTag> own = tagger.tag(doc.getValue()).persons();
                long tagged = System.nanoTime();
                for (PersonTag p : own) {
                    if (!PersonNames.isFullName(p.name())) {
                        int candidates = PersonRegistry.candidates(p.name(), facts).size();
                        bareNames++;
                        bareLinked += candidates == 1 ? 1 : 0;
                        bareAmbiguous += candidates > 1 ? 1 : 0;
                    }
                }
                long counted = System.nanoTime();
                List<PersonTag> linked = PersonRegistry.link(own, facts);
                for (PersonForm fact : PersonRegistry.news(linked, facts)) {
                    facts.add(fact);
                    factCount++;
                }
                registryNanos += System.nanoTime() - counted;
                tagNanos += tagged - started;
                for (Mention m : corpus.getValue().getOrDefault(doc.getKey(), List.of())) {
                    int at = personOver(doc.getValue(), m, linked);
                    linkedIds.put(m, at < 0 ? missed(m) : linked.get(at).entityId());
                    ownIds.put(m, at < 0 ? missed(m) : own.get(at).entityId());
                }
            }
        }
        int missed = (int) linkedIds.values().stream().filter(id -> id.startsWith("missed:")).count();
        Set<String> people = new LinkedHashSet<>();
        gold.forEach(m -> people.add(m.person()));
        return new Result(score(gold, linkedIds), score(gold, ownIds), gold.size(), people.size(), missed, documents,
                bareNames, bareLinked, bareAmbiguous, factCount, documents == 0 ? 0 : SpanScore.round(registryNanos / 1e3 / documents),
                documents == 0 ? 0 : SpanScore.round(tagNanos / 1e3 / documents));
    }

    private static String missed(Mention m) {
        return "missed:" + m.corpus() + "#" + m.document() + "#" + m.surface();
    }

    // the person whose mention overlaps the first occurrence of the surface that has one, or -1
    private static int personOver(String text, Mention m, List<PersonTag> persons) {
        int from = text.indexOf(m.surface());
        if (from < 0) {
            throw new IllegalArgumentException("gold surface \"" + m.surface() + "\" is not in document " + m.document()
                    + " of " + m.corpus());
        }
        for (; from >= 0; from = text.indexOf(m.surface(), from + 1)) {
            int to = from + m.surface().length();
            for (int i = 0; i < persons.size(); i++) {
                for (Span s : persons.get(i).mentions()) {
                    if (s.start() < to && s.end() > from) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** Pairwise precision and recall of "same person" over every pair of gold mentions. */
    static Score score(List<Mention> gold, Map<Mention, String> predicted) {
        long goldPairs = 0;
        long predictedPairs = 0;
        long correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            for (int j = i + 1; j < gold.size(); j++) {
                boolean same = gold.get(i).person().equals(gold.get(j).person());
                boolean guessed = predicted.get(gold.get(i)).equals(predicted.get(gold.get(j)));
                goldPairs += same ? 1 : 0;
                predictedPairs += guessed ? 1 : 0;
                correct += same && guessed ? 1 : 0;
            }
        }
        SpanScore s = new SpanScore();
        s.add(correct, predictedPairs, goldPairs);
        return new Score(SpanScore.round(s.precision()), SpanScore.round(s.recall()), SpanScore.round(s.f1()),
                goldPairs, predictedPairs, correct);
    }

    /** The documents of a corpus by id, in file order: a CoNLL file's by index, JSON lines' by {@code id}. */
    static Map<String, String> documents(Path corpus) throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        if (corpus.getFileName().toString().endsWith(".jsonl")) {
            try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    @Nullable JsonNode doc = line.isBlank() ? null : JsonCodec.MAPPER.readTree(line);
                    if (doc != null && doc.path("text").isTextual()) {
                        texts.put(doc.path("id").asText(), doc.get("text").asText());
                    }
                }
            }
        } else {
            List<List<ConllCorpus.Sentence>> docs = ConllCorpus.read(corpus).documents();
            for (int i = 0; i < docs.size(); i++) {
                texts.put(String.valueOf(i), ConllCorpus.text(docs.get(i)));
            }
        }
        return texts;
    }
}
