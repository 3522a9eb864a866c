package io.newsflow.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TailCommandTest {

    private static Article article(Instant publishedAt, String title) {
        return new Article("id", "https://example.org/a", "brookings", title, List.of(), publishedAt, null, null, null,
                "en", null, "text", 1, "sha", 1, Instant.parse("2026-11-28T17:36:26Z"),
                List.of(new CountryTag("KP", "North Korea", 1, List.of()), new CountryTag("CN", "China", 1, List.of())),
                List.of(new PersonTag("Kim Jong-un", 1, List.of()), new PersonTag("Rex Tillerson", 1, List.of())), "x", "y");
    }

    @Test
    void lineShowsPublicationTimeSourceTitleCountriesAndPersons() {
        assertEquals("2017-08-03 14:05Z  brookings  Talks with Pyongyang  [KP,CN]  [Kim Jong-un, Rex Tillerson]",
                TailCommand.line(article(Instant.parse("2017-08-03T14:05:59Z"), "Talks with Pyongyang")));
    }

    @Test
    void lineFallsBackToFetchTimeWithoutAPublicationTime() {
        assertEquals("2026-11-28 17:36Z  brookings  Talks  [KP,CN]  [Kim Jong-un, Rex Tillerson]",
                TailCommand.line(article(null, "Talks")));
    }

    @Test
    void distinctStoryShowsTheFirstArticleOfEachStoryOnce() {
        ShownStories stories = new ShownStories(2);
        Article wire = article(null, "Wire").withStory("wire", null);
        Article copy = new Article("copy", "https://example.org/c", "daily", "Copy", List.of(), null, null, null, null,
                "en", null, "text", 1, "sha", 1, Instant.parse("2026-11-28T17:36:26Z"), List.of(), List.of(), "x", "y")
                .withStory("wire", 0.7);
        Article legacy = new Article("legacy", "https://example.org/l", "daily", "Legacy", List.of(), null, null, null, null,
                "en", null, "text", 1, "sha", 1, Instant.parse("2026-11-28T17:36:26Z"), List.of(), List.of(), "x", "y");
        assertTrue(stories.firstOfStory(wire));
        assertFalse(stories.firstOfStory(copy), "a copy of a story shown");
        assertTrue(stories.firstOfStory(legacy), "an article without a story is its own");
        assertFalse(stories.firstOfStory(legacy));
        Article other = legacy.withStory("other", null);
        assertTrue(stories.firstOfStory(other));
        assertTrue(stories.firstOfStory(copy), "beyond the capacity the story shown longest ago is forgotten");
    }

    private static boolean shown(Article article, String... args) {
        TailCommand tail = new TailCommand();
        new CommandLine(tail).parseArgs(args);
        return tail.matches(article);
    }

    @Test
    void personMatchesAnEntityIdAnyFormOfTheFullNameOrTheBareSurname() {
        Article a = article(null, "Talks");
        for (String asked : List.of("person:rex-tillerson", "Rex Tillerson", "Secretary Rex W. Tillerson's", "TILLERSON",
                "Kim Jong-un", "person:kim-jong-un")) {
            assertTrue(shown(a, "--person", asked), asked);
        }
        for (String asked : List.of("person:rex", "Rex Smith", "Tiller", "Kim Jong-il")) {
            assertFalse(shown(a, "--person", asked), asked);
        }
    }

    @Test
    void personMatchesATagLinkedToTheEntityUnderABareName() {
        Article linked = new Article("id", "https://example.org/a", "wire", "Talks", List.of(), null, null, null, null,
                "en", null, "text", 1, "sha", 1, Instant.parse("2026-11-28T17:36:26Z"), List.of(),
                List.of(new PersonTag("Trump", 2, List.of()).withEntityId("person:donald-trump")), "x", "y");
        assertTrue(shown(linked, "--person", "Donald J. Trump"));
        assertTrue(shown(linked, "--person", "Trump"));
        assertFalse(shown(linked, "--person", "Melania Trump"));
    }

    @Test
    void aMalformedPersonIsAUsageError() {
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> new CommandLine(new TailCommand()).parseArgs("--person", "person:rex tillerson"));
        assertTrue(e.getMessage().contains("person:donald-trump"), e.getMessage());
    }

    @Test
    void controlCharactersInTitlesAreReplaced() {
        assertEquals("a [2J b c", TailCommand.printable("a\u001b[2J b\u202e\r\nc"));
    }
}
