package io.newsflow.enrich.tag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArticleTaggerTest {

    private static final ArticleTagger TAGGER = ArticleTagger.shipped();

    private static Set<String> countries(String text) {
        return TAGGER.tag(text).countries().stream().map(CountryTag::code).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> persons(String text) {
        return TAGGER.tag(text).persons().stream().map(PersonTag::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static final String BRIEFING = """
            Secretary of State Rex Tillerson flew to Beijing on Monday to meet Chinese officials. Tillerson's \
            visit follows a warning from North Korea, whose leader Kim Jong-un has defied the United Nations.

            The White House said President Donald Trump would speak with South Korean President Moon Jae-in. \
            Trump's aides said Washington and Seoul were in close contact, while the Kremlin urged restraint \
            and Downing Street called for talks. Moon said Japan would join.""";

    @Test
    void tagsCountriesAndPersonsOfAShortBriefing() {
        ArticleTagger.Tags tags = TAGGER.tag(BRIEFING);
        assertEquals(Set.of("CN", "KP", "US", "KR", "RU", "GB", "JP"),
                tags.countries().stream().map(CountryTag::code).collect(Collectors.toSet()));
        assertEquals(Set.of("Rex Tillerson", "Kim Jong-un", "Donald Trump", "Moon Jae-in"),
                tags.persons().stream().map(PersonTag::name).collect(Collectors.toSet()));
    }

    @Test
    void resolvesSurnamesPossessivesAndTitlesToTheFullName() {
        PersonTag tillerson = person(BRIEFING, "Rex Tillerson");
        assertEquals(List.of("Rex Tillerson", "Tillerson"), surfaces(tillerson.mentions()));
        PersonTag trump = person(BRIEFING, "Donald Trump");
        assertEquals(List.of("Donald Trump", "Trump"), surfaces(trump.mentions()));
        assertEquals(2, trump.count());
        assertEquals(List.of("Moon Jae-in", "Moon"), surfaces(person(BRIEFING, "Moon Jae-in").mentions()));
    }

    @Test
    void leavesSentenceOpeningWordsAndPhotoIdsOutOfNames() {
        assertEquals(Set.of("Rex Tillerson"), persons("\u201CAlthough Rex Tillerson left early, the talks went on.\u201D"));
        assertEquals(Set.of(), persons("Likewise, the talks went on. REUTERS/RC1A93344F40"));
    }

    @Test
    void offsetsIndexTheTextAndCountryMentionsCarryTheirKind() {
        ArticleTagger.Tags tags = TAGGER.tag(BRIEFING);
        for (CountryTag c : tags.countries()) {
            for (Span s : c.mentions()) {
                assertEquals(s.surface(), BRIEFING.substring(s.start(), s.end()));
            }
        }
        for (PersonTag p : tags.persons()) {
            for (Span s : p.mentions()) {
                assertEquals(s.surface(), BRIEFING.substring(s.start(), s.end()));
            }
        }
        assertEquals(List.of("seat"), kinds(tags, "RU"));
        assertEquals(List.of("seat"), kinds(tags, "GB"));
        assertEquals(List.of("capital", "demonym"), kinds(tags, "CN"));
        assertEquals(List.of("seat", "capital"), kinds(tags, "US"));
        assertEquals(List.of("demonym", "capital"), kinds(tags, "KR"));
    }

    @Test
    void givesTheSameTagsWhenSharedByThreads() throws Exception {
        ArticleTagger.Tags expected = TAGGER.tag(BRIEFING);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ArticleTagger.Tags>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> TAGGER.tag(BRIEFING)));
            }
            for (Future<ArticleTagger.Tags> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sortsByCountDescending() {
        List<CountryTag> tags = TAGGER.tag("France and Germany. France again. Paris and Berlin. Paris.").countries();
        assertEquals("FR", tags.get(0).code());
        assertEquals(4, tags.get(0).count());
        assertEquals("France", tags.get(0).name());
    }

    @Test
    void prefersTheLongestMatch() {
        assertEquals(Set.of("KR"), countries("Officials in South Korea met on Friday."));
        assertEquals(Set.of("PG"), countries("Papua New Guinea held an election."));
        assertEquals(Set.of(), countries("Voters in New Mexico went to the polls on Tuesday."));
        assertEquals(Set.of("GN"), countries("Guinea held an election."));
    }

    @Test
    void namesOfOrganisationsAndAgreementsAreNotMentions() {
        assertEquals(Set.of(), countries("The story first appeared in USA Today on Monday."));
        assertEquals(Set.of(), countries("Shares of Bank of America fell 2 percent on Tuesday."));
        assertEquals(Set.of(), countries("She booked a flight on Air China to Frankfurt last week."));
        assertEquals(Set.of(), countries("A columnist for The Washington Post wrote about it."));
        assertEquals(Set.of(), countries("Leaders reaffirmed their commitment to the Paris Agreement."));
    }

    @Test
    void washingtonTheStateOrThePersonIsNotTheUnitedStates() {
        assertEquals(Set.of(), countries("Wildfires spread across Washington state over the weekend."));
        assertEquals(Set.of(), countries("The company is based in Seattle, Washington, and employs 300 people."));
        assertEquals(Set.of(), countries("George Washington crossed the Delaware in 1776."));
        assertEquals(Set.of("US"), countries("Washington imposed new sanctions on Friday."));
    }

    @Test
    void georgiaTheUsStateIsNotTheCountry() {
        assertEquals(Set.of(), countries(
                "Lawmakers in Atlanta debated the budget. Georgia should borrow, State Senator Chad Whitaker said."));
        assertEquals(Set.of("GE", "RU"), countries("Russian troops remained in Georgia, officials in Tbilisi said."));
    }

    @Test
    void jordanAndChadAsPersonsAreNotCountries() {
        String text = "Michael Jordan scored 40 points. Chad Johnson caught two passes in the second half.";
        assertEquals(Set.of(), countries(text));
        assertTrue(persons(text).containsAll(Set.of("Michael Jordan", "Chad Johnson")));
        assertEquals(Set.of("JO", "TD"), countries("Jordan and Chad signed a trade agreement."));
    }

    @Test
    void lowerCaseTurkeyAndChinaAreTheBirdAndThePorcelain() {
        assertEquals(Set.of(), countries("We roasted a turkey and served it on the best china."));
        assertEquals(Set.of(), countries("Turkey prices rose before Thanksgiving. Every family wants a turkey."));
        assertEquals(Set.of("TR", "CN"), countries("Turkey and China signed a trade deal."));
    }

    @Test
    void readsNamesWrittenInCapitalsAndHyphenatedCompounds() {
        assertEquals(Set.of("US"), countries("WASHINGTON (Reuters) - The Senate voted on Tuesday."));
        assertEquals(Set.of("US", "CN"), countries("The 2014 U.S.-China climate accord was a success."));
        assertEquals(Set.of("CA"), countries("Police issued a Canada-wide warrant for the man."));
    }

    @Test
    void tagsTheSeedCommentary() throws IOException {
        String text = Files.readString(SharedData.require("seed/brookings-commentary.txt"));
        ArticleTagger.Tags tags = TAGGER.tag(text);
        assertEquals(Set.of("CN", "KP", "US", "KR", "JP", "RU"),
                tags.countries().stream().map(CountryTag::code).collect(Collectors.toSet()));
        Set<String> names = tags.persons().stream().map(PersonTag::name).collect(Collectors.toSet());
        // the photo credit is boilerplate that extraction removes; tagged alone, the raw text may keep it
        names.remove("Lintao Zhang");
        assertEquals(Set.of("Rex Tillerson", "Yang Jiechi", "Max Baucus", "Ryan Hass", "Trump", "Kim Jong-un"), names);
        assertEquals(List.of("Rex Tillerson", "Rex Tillerson", "Tillerson"),
                surfaces(person(text, "Rex Tillerson").mentions()));
    }

    private static PersonTag person(String text, String name) {
        return TAGGER.tag(text).persons().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no person " + name + " in " + TAGGER.tag(text).persons()));
    }

    private static List<String> surfaces(List<Span> spans) {
        return spans.stream().map(Span::surface).toList();
    }

    private static List<String> kinds(ArticleTagger.Tags tags, String code) {
        return tags.countries().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow()
                .mentions().stream().map(Span::kind).toList();
    }
}
