package io.newsflow.enrich.tag.person;

import io.newsflow.core.record.PersonForm;
import io.newsflow.core.record.PersonNames;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Links the persons of one article to the people known across articles. A full name identifies its
 * person alone ({@link PersonNames#entityId}); a bare name ("Tillerson", "Xi") is linked to a person
 * only when exactly one known person goes by that form, and otherwise keeps the id its own form
 * reduces to: two known people with one surname are two candidates, and a guess between them would
 * merge them. What is known is learned from the stream: every full name teaches its surname and the
 * one-word forms the article used for it ("Xi" under "Xi Jinping").
 *
 * <p>The rules are pure; where the facts live (a global store in the topology, a map in the eval)
 * is the caller's.
 */
public final class PersonRegistry {

    /** The facts known so far. */
    public interface Known {

        /** The facts about one bare form, any order. */
        List<PersonForm> withForm(String form);

        /** Whether this exact fact is known. */
        boolean contains(PersonForm fact);
    }

    private PersonRegistry() {
    }

    /** The article's persons, each bare name that one known person goes by carrying that person's id. */
    public static List<PersonTag> link(List<PersonTag> persons, Known known) {
        List<PersonTag> linked = new ArrayList<>(persons.size());
        for (PersonTag p : persons) {
            linked.add(PersonNames.isFullName(p.name()) ? p : linkBare(p, known));
        }
        return linked;
    }

    private static PersonTag linkBare(PersonTag person, Known known) {
        Set<String> candidates = candidates(person.name(), known);
        return candidates.size() == 1 ? person.withEntityId(candidates.iterator().next()) : person;
    }

    /** The people a bare name can refer to: the ids of the known persons who go by its form. */
    public static Set<String> candidates(String bareName, Known known) {
        String form = PersonNames.key(bareName);
        Set<String> candidates = new LinkedHashSet<>();
        if (!form.isEmpty()) {
            for (PersonForm fact : known.withForm(form)) {
                candidates.add(fact.entityId());
            }
        }
        return candidates;
    }

    /** What the article teaches: each full name's surname and the one-word forms it was mentioned by. */
    public static List<PersonForm> learn(List<PersonTag> persons) {
        List<PersonForm> facts = new ArrayList<>();
        for (PersonTag p : persons) {
            if (!PersonNames.isFullName(p.name())) {
                continue;
            }
            Set<String> forms = new LinkedHashSet<>();
            forms.add(PersonNames.surname(p.name()));
            for (Span m : p.mentions()) {
                // a surface of several words is the full name or a variant of it, no bare form
                if (m.surface().strip().indexOf(' ') < 0) {
                    String form = PersonNames.key(m.surface());
                    if (!form.isEmpty() && form.indexOf(' ') < 0) {
                        forms.add(form);
                    }
                }
            }
            for (String form : forms) {
                facts.add(new PersonForm(form, p.entityId(), p.name()));
            }
        }
        return facts;
    }

    /** The facts of {@link #learn} that {@code known} does not hold yet. */
    public static List<PersonForm> news(List<PersonTag> persons, Known known) {
        List<PersonForm> news = new ArrayList<>();
        for (PersonForm fact : learn(persons)) {
            if (!known.contains(fact)) {
                news.add(fact);
            }
        }
        return news;
    }
}
