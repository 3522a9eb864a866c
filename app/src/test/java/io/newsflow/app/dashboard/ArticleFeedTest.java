package io.newsflow.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleFeedTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final ArticleFeed feed = new ArticleFeed(Clock.fixed(NOW, ZoneOffset.UTC));

    private static Article article(String id, int version, String text, List<CountryTag> countries, List<PersonTag> persons) {
        return new Article(id, "https://example.org/" + id, "test", "Title " + id, List.of(), null, null, null, null, "en",
                null, text, 3, "sha", version, NOW, countries, persons, "x", "y");
    }

    private static Span span(String text, String surface) {
        int start = text.indexOf(surface);
        return new Span(start, start + surface.length(), surface, null);
    }

    @Test
    void latestListsNewestFirstAndKeepsOneEntryPerArticle() {
        feed.add(article("a", 1, "one", List.of(), List.of()), NOW);
        feed.add(article("b", 1, "two", List.of(), List.of()), NOW);
        feed.add(article("a", 2, "one again", List.of(), List.of()), NOW);

        List<ArticleFeed.Item> latest = feed.snapshot().latest();

        assertEquals(List.of("a", "b"), latest.stream().map(ArticleFeed.Item::id).toList());
        assertEquals(2, latest.get(0).version());
    }

    @Test
    void latestIsBounded() {
        for (int i = 0; i < ArticleFeed.LATEST + 5; i++) {
            feed.add(article("id" + i, 1, "text", List.of(), List.of()), NOW);
        }
        assertEquals(ArticleFeed.LATEST, feed.snapshot().latest().size());
        assertEquals("id" + (ArticleFeed.LATEST + 4), feed.snapshot().latest().get(0).id());
    }

    @Test
    void latestIsOrderedByPublicationNotArrival() {
        // a start reads back every partition's last records: a partition's older ones can come last
        for (int i = 0; i < ArticleFeed.LATEST; i++) {
            feed.add(article("new" + i, 1, "text", List.of(), List.of()), NOW.plusSeconds(i));
        }
        feed.add(article("newest", 1, "text", List.of(), List.of()), NOW.plusSeconds(ArticleFeed.LATEST));
        for (int i = 0; i < 5; i++) {
            feed.add(article("old" + i, 1, "text", List.of(), List.of()), NOW.minusSeconds(60 + i));
        }

        List<String> ids = feed.snapshot().latest().stream().map(ArticleFeed.Item::id).toList();

        assertEquals(ArticleFeed.LATEST, ids.size());
        assertEquals("newest", ids.get(0));
        assertEquals("new" + (ArticleFeed.LATEST - 1), ids.get(1));
        assertTrue(ids.stream().noneMatch(id -> id.startsWith("old")), "older arrivals stay out: " + ids);
    }

    @Test
    void topListsCountArticlesOfTheLastHourOnly() {
        String text = "Seoul and Pyongyang; Kim Jong-un spoke.";
        CountryTag kp = new CountryTag("KP", "North Korea", 1, List.of(span(text, "Pyongyang")));
        CountryTag kr = new CountryTag("KR", "South Korea", 1, List.of(span(text, "Seoul")));
        PersonTag kim = new PersonTag("Kim Jong-un", 1, List.of(span(text, "Kim Jong-un")));
        feed.add(article("old", 1, text, List.of(kp, kr), List.of(kim)), NOW.minus(Duration.ofMinutes(61)));
        feed.add(article("a", 1, text, List.of(kp), List.of(kim)), NOW.minus(Duration.ofMinutes(5)));
        feed.add(article("b", 1, text, List.of(kp, kr), List.of()), NOW);

        ArticleFeed.Snapshot snapshot = feed.snapshot();

        assertEquals(List.of(new ArticleFeed.Top("KP", "North Korea", 2, 2, 2), new ArticleFeed.Top("KR", "South Korea", 1, 1, 1)),
                snapshot.topCountries());
        assertEquals(List.of(new ArticleFeed.Top("person:kim-jong-un", "Kim Jong-un", 1, 1, 1)), snapshot.topPersons());
    }

    @Test
    void topPersonsGroupByEntityUnderTheNameMostArticlesUsed() {
        String text = "Donald Trump and Trump and Melania Trump.";
        feed.add(article("a", 1, text, List.of(), List.of(new PersonTag("Donald J. Trump", 2, List.of()))), NOW);
        feed.add(article("b", 1, text, List.of(), List.of(new PersonTag("President Donald Trump", 1, List.of()))), NOW);
        feed.add(article("c", 1, text, List.of(), List.of(new PersonTag("Donald Trump", 1, List.of()))), NOW);
        feed.add(article("d", 1, text, List.of(), List.of(new PersonTag("Donald Trump", 1, List.of()))), NOW);
        feed.add(article("e", 1, text, List.of(), List.of(new PersonTag("Trump", 3, List.of()).withEntityId("person:donald-trump"),
                new PersonTag("Melania Trump", 1, List.of()))), NOW);

        assertEquals(List.of(new ArticleFeed.Top("person:donald-trump", "Donald Trump", 5, 5, 8),
                new ArticleFeed.Top("person:melania-trump", "Melania Trump", 1, 1, 1)), feed.snapshot().topPersons());
        ArticleFeed.Tag linked = feed.snapshot().latest().get(0).persons().get(0);
        assertEquals(new ArticleFeed.Tag("person:donald-trump", "Trump", 3), linked, "an article's tag keeps its own name");
    }

    @Test
    void topListsRankByDistinctStoriesWithTheArticleCountBeside() {
        String text = "Seoul and Pyongyang; Kim Jong-un spoke.";
        CountryTag kp = new CountryTag("KP", "North Korea", 1, List.of(span(text, "Pyongyang")));
        CountryTag kr = new CountryTag("KR", "South Korea", 1, List.of(span(text, "Seoul")));
        // one wire story and three syndicated copies name North Korea; two different stories name South Korea
        feed.add(article("wire", 1, text, List.of(kp), List.of()).withStory("wire", null), NOW);
        for (int i = 0; i < 3; i++) {
            feed.add(article("copy" + i, 1, text, List.of(kp), List.of()).withStory("wire", 0.7), NOW);
        }
        feed.add(article("one", 1, text, List.of(kr), List.of()).withStory("one", null), NOW);
        feed.add(article("two", 1, text, List.of(kr), List.of()), NOW);

        assertEquals(List.of(new ArticleFeed.Top("KR", "South Korea", 2, 2, 2), new ArticleFeed.Top("KP", "North Korea", 1, 4, 4)),
                feed.snapshot().topCountries());
    }

    @Test
    void excerptStartsNearTheFirstMentionWithMarksRelativeToIt() {
        String text = "word ".repeat(100) + "Then Kim Jong-un met envoys from Beijing." + " tail".repeat(100);
        Article a = article("k", 1, text,
                List.of(new CountryTag("CN", "China", 1, List.of(span(text, "Beijing")))),
                List.of(new PersonTag("Kim Jong-un", 1, List.of(span(text, "Kim Jong-un")))));

        ArticleFeed.Excerpt excerpt = ArticleFeed.item(a).excerpt();

        assertTrue(excerpt.cutBefore() && excerpt.cutAfter());
        assertEquals(2, excerpt.marks().size());
        for (ArticleFeed.Mark m : excerpt.marks()) {
            String marked = excerpt.text().substring(m.start(), m.end());
            assertEquals(m.type().equals("person") ? "Kim Jong-un" : "Beijing", marked);
        }
        assertEquals("CN China", excerpt.marks().get(1).label());
    }

    @Test
    void spansOutsideTheTextOrOverlappingAreNotMarked() {
        String text = "Kim Jong-un visited.";
        Article a = article("k", 1, text, List.of(new CountryTag("KP", "North Korea", 1, List.of(new Span(0, 3, "Kim", "name")))),
                List.of(new PersonTag("Kim Jong-un", 2, List.of(span(text, "Kim Jong-un"), new Span(500, 510, "beyond", null)))));

        ArticleFeed.Excerpt excerpt = ArticleFeed.item(a).excerpt();

        assertEquals(1, excerpt.marks().size());
        assertEquals(text, excerpt.text());
    }
}
