package io.newsflow.enrich.tag.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.PersonForm;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonRegistryTest {

    private final PersonFacts facts = new PersonFacts();

    /** A tag named {@code name} whose mentions are written as {@code surfaces}. */
    private static PersonTag tag(String name, String... surfaces) {
        List<Span> spans = new ArrayList<>();
        int at = 0;
        for (String s : surfaces) {
            spans.add(new Span(at, at + s.length(), s, null));
            at += s.length() + 10;
        }
        return new PersonTag(name, spans.size(), spans);
    }

    /** Reads an article: links its persons with what is known, then learns from it, as enrich does. */
    private List<PersonTag> read(PersonTag... persons) {
        List<PersonTag> linked = PersonRegistry.link(List.of(persons), facts);
        PersonRegistry.news(linked, facts).forEach(facts::add);
        return linked;
    }

    private String idOfBare(String name) {
        return read(tag(name, name)).get(0).entityId();
    }

    @Test
    void aBareSurnameJoinsTheOnePersonKnownByIt() {
        read(tag("Rex Tillerson", "Rex Tillerson", "Tillerson"));

        assertEquals("person:rex-tillerson", idOfBare("Tillerson"));
    }

    @Test
    void aSurnameTwoKnownPeopleShareJoinsNeither() {
        read(tag("Bill Clinton", "Bill Clinton"));
        read(tag("Hillary Clinton", "Hillary Clinton"));

        assertEquals("person:clinton", idOfBare("Clinton"));
    }

    @Test
    void aBareFormSeenUnderAFullNameJoinsIt() {
        read(tag("Xi Jinping", "Xi Jinping", "Xi"));

        assertEquals("person:xi-jinping", idOfBare("Xi"));
        assertEquals("person:xi-jinping", idOfBare("Jinping"), "the surname of a full name is known too");
    }

    @Test
    void aBareNameNobodyIsKnownByKeepsItsOwnId() {
        assertEquals("person:tillerson", idOfBare("Tillerson"));
    }

    @Test
    void titlesAndPossessivesDoNotHideTheForm() {
        read(tag("Rex Tillerson", "Rex Tillerson"));

        assertEquals("person:rex-tillerson", read(tag("Tillerson's", "Tillerson's")).get(0).entityId());
    }

    @Test
    void fullNamesKeepTheirOwnIdsWhateverIsKnown() {
        read(tag("Rex Tillerson", "Rex Tillerson"));

        PersonTag other = read(tag("Jane Tillerson", "Jane Tillerson")).get(0);

        assertEquals("person:jane-tillerson", other.entityId());
    }

    @Test
    void anIdGivenStaysWithItsArticleWhenTheFormLaterTurnsAmbiguous() {
        read(tag("Bill Clinton", "Bill Clinton"));
        PersonTag early = read(tag("Clinton", "Clinton")).get(0);

        read(tag("Hillary Clinton", "Hillary Clinton"));

        assertEquals("person:bill-clinton", early.entityId());
        assertEquals("person:clinton", idOfBare("Clinton"));
        assertEquals("person:bill-clinton", read(tag("Bill Clinton", "Bill Clinton")).get(0).entityId(),
                "the person's own id never changes");
    }

    @Test
    void learnsEachFactOnceAndNothingFromBareNames() {
        List<PersonForm> learned = PersonRegistry.learn(List.of(tag("Xi Jinping", "Xi Jinping", "Xi")));
        learned.forEach(facts::add);

        assertEquals(List.of(new PersonForm("jinping", "person:xi-jinping", "Xi Jinping"),
                new PersonForm("xi", "person:xi-jinping", "Xi Jinping")), learned);
        assertTrue(PersonRegistry.news(List.of(tag("Xi Jinping", "Xi Jinping", "Xi")), facts).isEmpty());
        assertTrue(PersonRegistry.learn(List.of(tag("Xi", "Xi"))).isEmpty());
    }

    @Test
    void factKeysShareAPrefixPerForm() {
        PersonForm fact = new PersonForm("clinton", "person:bill-clinton", "Bill Clinton");

        assertEquals("clinton|person:bill-clinton", fact.key());
        assertTrue(fact.key().startsWith(PersonForm.keyPrefix("clinton")));
    }
}
