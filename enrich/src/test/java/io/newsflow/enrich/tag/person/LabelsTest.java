package io.newsflow.enrich.tag.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void insideLabelOnlyContinuesASpanOfItsOwnType() {
        int beginPerson = Labels.index("B-PER");
        int insidePerson = Labels.index("I-PER");
        assertTrue(Labels.allowed(beginPerson, insidePerson));
        assertTrue(Labels.allowed(insidePerson, insidePerson));
        assertFalse(Labels.allowed(Labels.O, insidePerson));
        assertFalse(Labels.allowed(Labels.index("B-LOC"), insidePerson));
        assertFalse(Labels.allowed(Labels.index("I-ORG"), insidePerson));
    }

    @Test
    void outsideAndBeginLabelsFollowAnyLabel() {
        for (int p = 0; p < Labels.COUNT; p++) {
            for (int l = 0; l < Labels.COUNT; l++) {
                if (!Labels.isInside(l)) {
                    assertTrue(Labels.allowed(p, l), Labels.ALL.get(p) + " -> " + Labels.ALL.get(l));
                } else {
                    assertEquals(p != Labels.O && Labels.type(p).equals(Labels.type(l)), Labels.allowed(p, l));
                }
            }
        }
    }
}
