package io.newsflow.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonQueryTest {

    private static PersonTag tag(String name, String... surfaces) {
        return new PersonTag(name, surfaces.length, List.of(surfaces).stream().map(s -> new Span(0, s.length(), s, null)).toList());
    }

    @Test
    void anEntityIdAndEveryVariantOfAFullNameAskForOneEntity() {
        for (String asked : List.of("person:donald-trump", "Person:Donald-Trump", "Donald J. Trump",
                "President Donald Trump's", " donald trump ")) {
            PersonQuery q = PersonQuery.parse(asked);
            assertEquals("person:donald-trump", q.entityId(), asked);
            assertFalse(q.isBare(), asked);
            assertTrue(q.matches(tag("Donald John Trump")), asked);
            assertFalse(q.matches(tag("Melania Trump")), asked);
        }
    }

    @Test
    void aFullNameMatchesATagTheRegistryLinkedUnderAnotherName() {
        PersonTag linked = tag("Trump", "Trump").withEntityId("person:donald-trump");
        assertTrue(PersonQuery.parse("Donald Trump").matches(linked));
        assertFalse(PersonQuery.parse("Ivanka Trump").matches(linked));
    }

    @Test
    void aBareNameMatchesByTheTagsSurnameOrABareMention() {
        PersonQuery trump = PersonQuery.parse("Mr. Trump");
        assertTrue(trump.isBare());
        assertEquals("trump", trump.surname());
        assertEquals("person:trump", trump.entityId());
        assertTrue(trump.matches(tag("Donald Trump")));
        assertTrue(trump.matches(tag("Trump")));
        assertFalse(trump.matches(tag("Donald Tusk")));
        assertTrue(PersonQuery.parse("Kim").matches(tag("Kim Jong-un", "Kim Jong-un", "Kim")),
                "a family name written first is found by the article's own bare mention");
        assertFalse(PersonQuery.parse("Kim").matches(tag("Kim Jong-un", "Kim Jong-un")));
    }

    @Test
    void malformedInputIsRefusedWithAReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PersonQuery.parse("person:donald trump"))
                .getMessage().contains("person:donald-trump"));
        assertThrows(IllegalArgumentException.class, () -> PersonQuery.parse("person:"));
        assertThrows(IllegalArgumentException.class, () -> PersonQuery.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> PersonQuery.parse("x".repeat(201)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PersonQuery.parse("J.")).getMessage()
                .contains("no name left"));
        assertNull(PersonQuery.parse("Rex Tillerson").surname());
    }
}
