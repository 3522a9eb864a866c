package io.newsflow.enrich.tag.country;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.CountryTag;
import io.newsflow.enrich.tag.ArticleTagger;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The country tagger's context rules, each on short made-up sentences of its language pattern. */
class CountryContextRulesTest {

    private static final ArticleTagger TAGGER = ArticleTagger.shipped();

    private static Set<String> countries(String text) {
        return TAGGER.tag(text).countries().stream().map(CountryTag::code)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void demonymBeforeAFoodDishOrMusicIsAStyleNotTheCountry() {
        assertEquals(Set.of(), countries("The fair sold Mexican food, Polish sausages and cold lemonade."));
        assertEquals(Set.of(), countries("A band played Irish songs until midnight at the harbour."));
    }

    @Test
    void demonymBeforePeopleOrInstitutionsStillNamesTheCountry() {
        assertEquals(Set.of("MX"), countries("Mexican officials said the border crossing would reopen."));
        assertEquals(Set.of("PL"), countries("The Polish government rejected the proposal on Tuesday."));
    }

    @Test
    void homeTownAfterAnAgeOrInAnAddressIsATown() {
        assertEquals(Set.of(), countries("Deputies arrested Mark Hollis, 41, of Lebanon on Friday night."));
        assertEquals(Set.of(), countries("Services will be held at 210 Cedar St., Palestine, on Monday."));
        assertEquals(Set.of(), countries("The jury indicted Mary Tate, 29, Jordan, for forgery."));
    }

    @Test
    void homeTownAfterANameIsATownOnlyInLocalNews() {
        assertEquals(Set.of(), countries("The Ohio school board met Monday. Ellen Park of Lebanon asked about the budget."));
        assertTrue(countries("The prime minister met President Pierre Gemayel of Lebanon on Monday.").contains("LB"));
    }

    @Test
    void aDemonymKeepsTheCountryAgainstATownFrame() {
        Set<String> found = countries("Sam Ode, 52, of Lebanon spoke about Lebanese refugees who fled the war.");
        assertEquals(Set.of("LB"), found);
    }

    @Test
    void inLocalNewsALoneCapitalCountsOnlyInAMetonymyFrame() {
        assertFalse(countries("The Kansas team drove to Paris for the county final.").contains("FR"));
        assertTrue(countries("Kansas farmers worry after Beijing said it would stop buying soybeans.").contains("CN"));
        assertTrue(countries("Kansas growers want talks with Beijing before the harvest.").contains("CN"));
    }

    @Test
    void aCompoundWithTheCapitalIsNoSpeechFrame() {
        assertFalse(countries("The Iowa firm hired a London-based consultant for the audit.").contains("GB"));
    }
}
