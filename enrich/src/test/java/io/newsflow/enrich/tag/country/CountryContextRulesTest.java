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
    void inLocalNewsALoneCapitalNamedLikeATownCountsOnlyInAMetonymyFrame() {
        assertFalse(countries("The Kansas team drove to Paris for the county final.").contains("FR"));
        assertTrue(countries("The Kansas chemist flew to Stockholm for the prize.").contains("SE"));
        assertEquals(Set.of(), countries("The Florida ads ran in Tampa, Panama City and Gainesville."));
        assertTrue(countries("Kansas farmers worry after Beijing said it would stop buying soybeans.").contains("CN"));
        assertTrue(countries("Kansas growers want talks with Beijing before the harvest.").contains("CN"));
    }

    @Test
    void aCompoundWithTheCapitalIsNoSpeechFrame() {
        assertFalse(countries("The Iowa firm hired a London-based consultant for the audit.").contains("GB"));
    }

    @Test
    void aCountryOrCapitalNamedLikeATownOfAStateTheArticleNamesIsTheTown() {
        assertEquals(Set.of(), countries("Ontario police said the fire in London destroyed two homes."));
        assertEquals(Set.of(), countries("Voters across Ohio went to the polls. Lebanon approved its school levy."));
        assertEquals(Set.of("GB"), countries("The fire in London destroyed two homes, police said."));
    }

    @Test
    void otherEvidenceOfTheCountryKeepsATownNamedCapital() {
        assertEquals(Set.of("GB"), countries("Ontario exporters flew to London to meet British ministers."));
    }

    @Test
    void aDemonymThatNamesALanguageWithNoNounAfterItIsTheLanguage() {
        assertEquals(Set.of(), countries("She spoke only French and Farsi when she moved to Dallas."));
        assertEquals(Set.of("CA"), countries("She spoke only French and Farsi when she moved to Canada."));
        assertEquals(Set.of(), countries("The ads ran in Spanish, the campaign said."));
    }

    @Test
    void aLanguageNamedDemonymBeforeANounOrAfterAnArticleStillNamesTheCountry() {
        assertEquals(Set.of("DE", "FR"), countries("French and German officials met on Monday."));
        assertEquals(Set.of("FR"), countries("The French said no to the plan."));
        assertEquals(Set.of("ES", "PT"), countries("Spanish, Portuguese and other fishing fleets left port."));
    }

    @Test
    void aStateNameBeforeStateOrBesideACapitalisedDatelineTownIsTheUsState() {
        assertEquals(Set.of(), countries("The co-op serves farms from the river to the Georgia state line."));
        assertEquals(Set.of(), countries("ATLANTA - A Georgia man was charged on Monday."));
        assertEquals(Set.of("GE"), countries("TBILISI - A Georgia man was charged on Monday."));
    }

    @Test
    void headWordsInACapitalsDatelineMakeATownName() {
        assertEquals(Set.of(), countries("ST. PARIS — Mourners gathered at the school on Monday."));
        assertEquals(Set.of("FR"), countries("PARIS — Mourners gathered at the school on Monday."));
    }

    @Test
    void countryNamesTheModelReadAsOnePlaceAreEachTheirCountry() {
        assertEquals(Set.of("CY", "ES", "GR", "IT"),
                countries("The group warned of high youth unemployment in countries such as Cyprus, Greece Italy or Spain."));
    }

    @Test
    void aStateNameInAListOfUsStatesIsTheState() {
        assertEquals(Set.of(), countries("He backs the Oregon and Washington laws on assisted dying."));
        assertEquals(Set.of(), countries("Growers in Washington, Idaho and Montana lost the crop."));
        assertEquals(Set.of("CN", "US"), countries("Talks between Beijing and Washington resumed."));
    }
}
