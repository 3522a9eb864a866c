package io.newsflow.enrich.tag.person;

import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import io.newsflow.enrich.tag.text.Token;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the person mentions of one article under canonical names: a full name ("Rex Tillerson")
 * gathers the later and earlier bare uses of its surname ("Tillerson") or, for names written
 * family name first, of its first word ("Kim" for "Kim Jong-un"); the canonical name is the fullest
 * form the article uses.
 */
final class PersonResolver {

    /** One mention: its tokens (titles and possessives already outside) and its character range. */
    record Mention(List<String> words, int start, int end) {
    }

    /** Mentions grouped under one person. */
    static final class Person {
        final List<Mention> mentions = new ArrayList<>();
        List<String> fullest;

        Person(Mention first) {
            fullest = first.words();
            mentions.add(first);
        }

        void add(Mention m) {
            mentions.add(m);
            if (m.words().size() > fullest.size()) {
                fullest = m.words();
            }
        }

        String name() {
            return String.join(" ", fullest);
        }
    }

    private PersonResolver() {
    }

    static List<Person> resolve(List<Mention> mentions) {
        List<Person> people = new ArrayList<>();
        // full names first, merging a name into a longer one that contains it
        for (Mention m : mentions) {
            if (m.words().size() < 2) {
                continue;
            }
            Person match = null;
            for (Person p : people) {
                if (containsRun(p.fullest, m.words()) || containsRun(m.words(), p.fullest)) {
                    match = p;
                    break;
                }
            }
            if (match == null) {
                people.add(new Person(m));
            } else {
                match.add(m);
            }
        }
        List<Person> singles = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.words().size() >= 2) {
                continue;
            }
            String word = m.words().get(0);
            Person match = nearest(people, word, m.start(), true);
            if (match == null) {
                match = nearest(people, word, m.start(), false);
            }
            if (match == null) {
                for (Person p : singles) {
                    if (p.fullest.get(0).equals(word)) {
                        match = p;
                        break;
                    }
                }
            }
            if (match == null) {
                singles.add(new Person(m));
            } else {
                match.add(m);
            }
        }
        people.addAll(singles);
        for (Person p : people) {
            p.mentions.sort(Comparator.comparingInt(Mention::start));
        }
        return people;
    }

    // the person whose full name ends (or, failing that, begins) with the word, introduced closest
    // before the mention, or else closest after it
    private static Person nearest(List<Person> people, String word, int at, boolean surname) {
        Person best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Person p : people) {
            List<String> name = p.fullest;
            boolean fits = surname ? name.get(name.size() - 1).equals(word) : name.get(0).equals(word);
            if (!fits) {
                continue;
            }
            for (Mention m : p.mentions) {
                if (m.words().size() < 2) {
                    continue;
                }
                int distance = m.start() <= at ? at - m.start() : (m.start() - at) + (1 << 24);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = p;
                }
            }
        }
        return best;
    }

    private static boolean containsRun(List<String> longer, List<String> shorter) {
        return Collections.indexOfSubList(longer, shorter) >= 0;
    }

    static List<PersonTag> tags(String text, List<Person> people) {
        List<PersonTag> tags = new ArrayList<>(people.size());
        for (Person p : people) {
            List<Span> spans = new ArrayList<>(p.mentions.size());
            for (Mention m : p.mentions) {
                spans.add(new Span(m.start(), m.end(), text.substring(m.start(), m.end()), null));
            }
            tags.add(new PersonTag(p.name(), spans.size(), spans));
        }
        tags.sort(Comparator.comparingInt(PersonTag::count).reversed()
                .thenComparingInt(t -> t.mentions().get(0).start()));
        return tags;
    }

    static Mention mention(List<Token> sentence, int from, int to) {
        int end = to;
        while (end > from && isPossessive(sentence.get(end - 1).text())) {
            end--;
        }
        List<String> words = new ArrayList<>(end - from);
        for (int i = from; i < end; i++) {
            words.add(sentence.get(i).text().replace('\u2019', '\''));
        }
        return end == from ? null : new Mention(words, sentence.get(from).start(), sentence.get(end - 1).end());
    }

    private static boolean isPossessive(String token) {
        return token.equals("'s") || token.equals("\u2019s") || token.equals("'") || token.equals("\u2019");
    }
}
