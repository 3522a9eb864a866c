package io.newsflow.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void variantsOfOneNameShareOneKey() {
        for (String variant : List.of("Donald Trump", "Donald J. Trump", "President Donald Trump", "Donald Trump's",
                "DONALD TRUMP", "Donald John Trump", "Mr. Donald Trump Jr.", "Donald Trump\u2019s")) {
            assertEquals("donald trump", PersonNames.key(variant), variant);
            assertEquals("person:donald-trump", PersonNames.entityId(variant), variant);
        }
    }

    @Test
    void diacriticsFoldAndHyphensStayInTheWord() {
        assertEquals("recep erdogan", PersonNames.key("Recep Tayyip Erdoğan"));
        assertEquals("kim jong-un", PersonNames.key("Kim Jong-un"));
        assertEquals("person:kim-jong-un", PersonNames.entityId("Kim Jong-un"));
    }

    @Test
    void surnameParticlesBelongToTheSurname() {
        assertEquals("ludwig van beethoven", PersonNames.key("Ludwig van Beethoven"));
        assertEquals("van beethoven", PersonNames.surname("Ludwig van Beethoven"));
        assertEquals("mohammed bin salman", PersonNames.key("Mohammed bin Salman"));
    }

    @Test
    void aBareNameIsNotAFullName() {
        assertFalse(PersonNames.isFullName("Trump"));
        assertFalse(PersonNames.isFullName("President Trump"));
        assertEquals("trump", PersonNames.key("President Trump"));
        assertTrue(PersonNames.isFullName("Ivanka Trump"));
        assertEquals("trump", PersonNames.surname("Ivanka Trump"));
        assertEquals("trump", PersonNames.surname("Trump's"));
    }

    @Test
    void aTitleIsKeptWhenItIsAllThereIs() {
        assertEquals("major", PersonNames.key("Mr. Major"));
        assertEquals("john major", PersonNames.key("John Major"));
        assertEquals("", PersonNames.key("  . "));
    }

    @Test
    void titlesAreKnownWithOrWithoutTheirFullStop() {
        assertTrue(PersonNames.isTitle("Sen."));
        assertTrue(PersonNames.isTitle("President"));
        assertFalse(PersonNames.isTitle("Donald"));
    }
}
