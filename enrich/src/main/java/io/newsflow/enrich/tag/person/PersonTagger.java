package io.newsflow.enrich.tag.person;

import io.newsflow.core.record.PersonNames;
import io.newsflow.core.record.PersonTag;
import io.newsflow.enrich.tag.text.EntityRange;
import io.newsflow.enrich.tag.text.Token;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Labels the tokens of a document with entity spans (persons, locations, organisations, other
 * names) using the trained sequence model, then lets a surname introduced as part of a full name
 * mark its later bare uses ("Rex Tillerson" ... "Tillerson") that the model missed. Immutable and
 * thread-safe.
 */
public final class PersonTagger {

    /** Where the shipped model lives on the classpath. */
    public static final String MODEL_RESOURCE = "/io/newsflow/enrich/tag/person/persons.model.gz";

    /** An entity span over tokens of one sentence, end exclusive; type PER, LOC, ORG or MISC. */
    public record EntitySpan(String type, int sentence, int start, int end) {
    }

    private final PersonModel model;

    private PersonTagger(PersonModel model) {
        this.model = model;
    }

    /** The model shipped in the jar. */
    public static PersonTagger shipped() {
        try (InputStream in = PersonTagger.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("person model missing from the classpath: " + MODEL_RESOURCE);
            }
            return new PersonTagger(PersonModel.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PersonTagger load(Path model) {
        try (InputStream in = Files.newInputStream(model)) {
            return new PersonTagger(PersonModel.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + model, e);
        }
    }

    /** The persons of an article and every entity span the model found, in character offsets. */
    public record Analysis(List<PersonTag> persons, List<EntityRange> entities) {
    }

    /** Persons and entity spans of a tokenised article. */
    public Analysis analyse(String text, List<List<Token>> sentences) {
        List<String[]> words = new ArrayList<>(sentences.size());
        for (List<Token> sentence : sentences) {
            String[] w = new String[sentence.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = asInTraining(sentence.get(i).text());
            }
            words.add(w);
        }
        List<EntitySpan> spans = spans(label(words));
        List<PersonResolver.Mention> mentions = new ArrayList<>();
        for (EntitySpan span : spans) {
            if (span.type().equals("PER")) {
                PersonResolver.Mention m = PersonResolver.mention(sentences.get(span.sentence()), span.start(),
                        span.end());
                if (m != null) {
                    mentions.add(m);
                }
            }
        }
        List<PersonResolver.Person> people = PersonResolver.resolve(mentions);
        people.removeIf(p -> !plausible(p, sentences));
        Set<Integer> fullNamed = new HashSet<>();
        for (PersonResolver.Person p : people) {
            if (p.fullest.size() >= 2) {
                p.mentions.forEach(m -> fullNamed.add(m.start()));
            }
        }
        List<EntityRange> entities = new ArrayList<>(spans.size());
        for (EntitySpan span : spans) {
            List<Token> sentence = sentences.get(span.sentence());
            int start = sentence.get(span.start()).start();
            entities.add(new EntityRange(span.type(), start, sentence.get(span.end() - 1).end(),
                    span.end() - span.start(), span.type().equals("PER") && fullNamed.contains(start)));
        }
        return new Analysis(PersonResolver.tags(text, people), entities);
    }

    // a name has letters and no digits ("RC1A93344F40" is a photo id), and a lone word seen only at
    // sentence starts that is common in lower case or unknown as a name ("Likewise") is the model
    // misreading a capital letter
    private boolean plausible(PersonResolver.Person person, List<List<Token>> sentences) {
        for (String word : person.fullest) {
            for (int i = 0; i < word.length(); i++) {
                if (Character.isDigit(word.charAt(i))) {
                    return false;
                }
            }
        }
        if (person.fullest.size() > 1) {
            return true;
        }
        String word = person.fullest.get(0);
        if (!model.isCommonWord(word.toLowerCase(Locale.ROOT)) && model.isKnownName(word)) {
            return true;
        }
        for (PersonResolver.Mention m : person.mentions) {
            if (!startsSentence(m.start(), sentences)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsSentence(int offset, List<List<Token>> sentences) {
        for (List<Token> sentence : sentences) {
            for (Token t : sentence) {
                if (Character.isLetterOrDigit(t.text().charAt(0))) {
                    if (t.start() == offset) {
                        return true;
                    }
                    break;
                }
            }
        }
        return false;
    }

    // the training text has straight quotes only: "Trump’s" must look like "Trump's" to the model
    private static String asInTraining(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '\u2018' || c == '\u2019' || c == '\u201C' || c == '\u201D') {
                return token.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"')
                        .replace('\u201D', '"');
            }
        }
        return token;
    }

    /** IOB2 tags for a document given as sentences of words: what the evaluation scores. */
    public List<List<String>> tags(List<List<String>> sentences) {
        List<String[]> words = new ArrayList<>(sentences.size());
        for (List<String> s : sentences) {
            words.add(s.toArray(String[]::new));
        }
        List<List<String>> out = new ArrayList<>();
        for (int[] labels : label(words)) {
            List<String> tags = new ArrayList<>(labels.length);
            for (int l : labels) {
                tags.add(Labels.ALL.get(l));
            }
            out.add(tags);
        }
        return out;
    }

    private List<int[]> label(List<String[]> words) {
        List<int[]> labels = model.decode(words);
        agreeWithinDocument(words, labels);
        stripTitles(words, labels);
        propagateSurnames(words, labels);
        return labels;
    }

    // "Since Diwali", "Although Berm": an ordinary word capitalised only because it opens the sentence
    // (after any opening quotes or brackets)
    private boolean capitalisedByPosition(String[] sentence, int i) {
        for (int k = 0; k < i; k++) {
            if (Character.isLetterOrDigit(sentence[k].charAt(0))) {
                return false;
            }
        }
        return model.isCommonWord(sentence[i].toLowerCase(Locale.ROOT)) && !model.isKnownName(sentence[i]);
    }

    // titles and honorifics stand outside the name: "Secretary of State Rex Tillerson" is "Rex Tillerson"
    private void stripTitles(List<String[]> words, List<int[]> labels) {
        int begin = Labels.index("B-PER");
        for (EntitySpan span : spans(labels)) {
            if (!span.type().equals("PER")) {
                continue;
            }
            String[] w = words.get(span.sentence());
            int[] l = labels.get(span.sentence());
            int start = span.start();
            while (start < span.end() - 1 && (PersonNames.isTitle(w[start]) || capitalisedByPosition(w, start))) {
                l[start++] = Labels.O;
            }
            if (start < span.end()) {
                l[start] = begin;
            }
        }
    }

    // one name, one type per document: a span the model typed against the majority of the other
    // uses of its words in the same article takes the majority type
    private static void agreeWithinDocument(List<String[]> words, List<int[]> labels) {
        List<EntitySpan> spans = spans(labels);
        Map<String, int[]> votes = new HashMap<>();
        for (EntitySpan span : spans) {
            int type = typeIndex(span.type());
            for (int i = span.start(); i < span.end(); i++) {
                votes.computeIfAbsent(words.get(span.sentence())[i], w -> new int[4])[type]++;
            }
        }
        for (EntitySpan span : spans) {
            if (span.end() - span.start() > 1) {
                continue;
            }
            int own = typeIndex(span.type());
            int[] total = new int[4];
            for (int i = span.start(); i < span.end(); i++) {
                int[] v = votes.get(words.get(span.sentence())[i]);
                for (int t = 0; t < 4; t++) {
                    total[t] += v[t];
                }
            }
            total[own] -= span.end() - span.start();
            int best = own;
            for (int t = 0; t < 4; t++) {
                if (total[t] > total[best]) {
                    best = t;
                }
            }
            if (best != own && total[best] > total[own] + 0) {
                int[] l = labels.get(span.sentence());
                String type = TYPES.get(best);
                l[span.start()] = Labels.index("B-" + type);
                for (int i = span.start() + 1; i < span.end(); i++) {
                    l[i] = Labels.index("I-" + type);
                }
            }
        }
    }

    private static final List<String> TYPES = List.of("PER", "LOC", "ORG", "MISC");

    private static int typeIndex(String type) {
        return TYPES.indexOf(type);
    }

    // a surname seen in a full name is a person wherever it stands alone and capitalised
    private static void propagateSurnames(List<String[]> words, List<int[]> labels) {
        Set<String> surnames = new HashSet<>();
        for (EntitySpan span : spans(labels)) {
            if (span.type().equals("PER") && span.end() - span.start() >= 2) {
                String last = words.get(span.sentence())[span.end() - 1];
                if (last.length() > 1 && Character.isUpperCase(last.charAt(0))) {
                    surnames.add(last);
                }
            }
        }
        if (surnames.isEmpty()) {
            return;
        }
        for (int s = 0; s < words.size(); s++) {
            String[] w = words.get(s);
            int[] l = labels.get(s);
            for (int i = 0; i < w.length; i++) {
                boolean free = l[i] == Labels.O && (i + 1 >= w.length || !Labels.isInside(l[i + 1]));
                if (free && surnames.contains(w[i])) {
                    l[i] = Labels.index("B-PER");
                }
            }
        }
    }

    static List<EntitySpan> spans(List<int[]> labels) {
        List<EntitySpan> spans = new ArrayList<>();
        for (int s = 0; s < labels.size(); s++) {
            int[] l = labels.get(s);
            int i = 0;
            while (i < l.length) {
                if (l[i] == Labels.O) {
                    i++;
                    continue;
                }
                String type = Labels.type(l[i]);
                int end = i + 1;
                while (end < l.length && Labels.isInside(l[end]) && Labels.type(l[end]).equals(type)) {
                    end++;
                }
                spans.add(new EntitySpan(type, s, i, end));
                i = end;
            }
        }
        return spans;
    }
}
