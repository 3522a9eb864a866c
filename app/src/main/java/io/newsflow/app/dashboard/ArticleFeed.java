package io.newsflow.app.dashboard;

import static java.util.Objects.requireNonNull;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import io.newsflow.core.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An in-process reader of {@code newsflow.articles} for the dashboard: the latest articles and the
 * countries and persons mentioned in the last hour. It reads the topic without a consumer group
 * (it commits nothing and takes no partitions from the sink), starting a little before the end so
 * a restarted dashboard is not empty.
 */
public final class ArticleFeed implements AutoCloseable {

    /** Articles shown in the latest list. */
    static final int LATEST = 30;
    /** The window of the top lists. */
    static final Duration WINDOW = Duration.ofHours(1);
    /** Articles remembered for the top lists; beyond it the oldest are forgotten early. */
    private static final int MAX_REMEMBERED = 50_000;
    /** Characters of text shown around the first mention. */
    private static final int EXCERPT_CHARS = 320;
    private static final int TOP = 10;

    private final Clock clock;
    /** By record timestamp: the articles of a start's read-back arrive in no time order. */
    private final NewestFirst<Listed> latest = new NewestFirst<>(LATEST, Listed::at,
            (listed, added) -> listed.article().id().equals(added.article().id()));
    private final LinkedHashMap<String, Seen> recent = new LinkedHashMap<>();
    private @Nullable FeedReader<String, Article> reader;

    ArticleFeed(Clock clock) {
        this.clock = requireNonNull(clock, "clock");
    }

    /** Starts reading the articles topic of the cluster in {@code kafka} on a daemon thread. */
    public static ArticleFeed start(Properties kafka, Clock clock) {
        ArticleFeed feed = new ArticleFeed(clock);
        feed.reader = FeedReader.start("newsflow-dashboard-feed", kafka, Topics.ARTICLES.keySerde().deserializer(),
                Topics.ARTICLES.valueSerde().deserializer(), List.of(FeedReader.From.lastRecords(Topics.ARTICLES.name(), LATEST)),
                record -> {
                    if (record.value() != null) {
                        feed.add(record.value(), Instant.ofEpochMilli(record.timestamp()));
                    }
                });
        return feed;
    }

    /** Takes one article as published at {@code at} (the record's timestamp). */
    synchronized void add(Article article, Instant at) {
        latest.add(new Listed(article, at));
        recent.remove(article.id());
        recent.put(article.id(), new Seen(at, article.storyId() != null ? article.storyId() : article.id(),
                countryTags(article), personTags(article)));
        if (recent.size() > MAX_REMEMBERED) {
            Iterator<String> eldest = recent.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /**
     * The latest articles, newest first, and the top countries and persons of the last hour, ranked
     * by the distinct stories that mention them (syndicated copies count once), the raw article
     * count beside.
     */
    public synchronized Snapshot snapshot() {
        Instant since = clock.instant().minus(WINDOW);
        recent.values().removeIf(seen -> seen.at().isBefore(since));
        Map<String, Tally> countries = new HashMap<>();
        Map<String, Tally> persons = new HashMap<>();
        for (Seen seen : recent.values()) {
            for (Tag c : seen.countries()) {
                countries.computeIfAbsent(c.key(), Tally::new).add(seen.story(), c);
            }
            for (Tag p : seen.persons()) {
                persons.computeIfAbsent(p.key(), Tally::new).add(seen.story(), p);
            }
        }
        List<Item> items = latest.items().stream().map(l -> item(l.article())).toList();
        return new Snapshot(WINDOW.toMinutes(), items, top(countries), top(persons));
    }

    private static List<Top> top(Map<String, Tally> tallies) {
        return tallies.values().stream()
                .map(Tally::top)
                .sorted(Comparator.comparingLong(Top::stories).reversed()
                        .thenComparing(Comparator.comparingLong(Top::articles).reversed())
                        .thenComparing(Comparator.comparingLong(Top::mentions).reversed())
                        .thenComparing(Top::name))
                .limit(TOP)
                .toList();
    }

    /**
     * One country's or person's counts while a snapshot is taken: the stories, articles and mentions
     * naming it, and how many articles used each of its names. A person is one entity under several
     * names ("Donald Trump", "Trump" linked to him); it is shown under the name most articles used,
     * the alphabetically first among equals.
     */
    private static final class Tally {
        private final String key;
        private final Map<String, Long> names = new HashMap<>();
        private final Set<String> stories = new HashSet<>();
        private long articles;
        private long mentions;

        Tally(String key) {
            this.key = key;
        }

        void add(String story, Tag tag) {
            stories.add(story);
            names.merge(tag.name(), 1L, Long::sum);
            articles++;
            mentions += tag.count();
        }

        Top top() {
            String name = names.entrySet().stream()
                    .min(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            return new Top(key, name, stories.size(), articles, mentions);
        }
    }

    static Item item(Article a) {
        List<Mark> marks = new ArrayList<>();
        for (CountryTag c : a.countries()) {
            for (Span s : c.mentions()) {
                marks.add(new Mark(s.start(), s.end(), "country", c.code() + " " + c.name()));
            }
        }
        for (PersonTag p : a.persons()) {
            for (Span s : p.mentions()) {
                marks.add(new Mark(s.start(), s.end(), "person", p.name()));
            }
        }
        marks.sort(Comparator.comparingInt(Mark::start));
        String text = a.text();
        int from = marks.isEmpty() ? 0 : wordStart(text, Math.max(0, marks.get(0).start() - 80));
        int to = Math.min(text.length(), from + EXCERPT_CHARS);
        List<Mark> inside = new ArrayList<>();
        int last = from;
        for (Mark m : marks) {
            // spans that leave the excerpt, overlap the previous one or point past the text are not shown
            if (m.start() >= last && m.end() <= to && m.end() > m.start()) {
                inside.add(new Mark(m.start() - from, m.end() - from, m.type(), m.label()));
                last = m.end();
            }
        }
        return new Item(a.id(), a.url(), a.source(), a.title(), a.fetchedAt(), a.publishedAt(), a.version(),
                countryTags(a), personTags(a), new Excerpt(text.substring(from, to), from > 0, to < text.length(), inside));
    }

    private static List<Tag> countryTags(Article a) {
        return a.countries().stream().map(c -> new Tag(c.code(), c.name(), c.count())).toList();
    }

    private static List<Tag> personTags(Article a) {
        return a.persons().stream().map(p -> new Tag(p.entityId(), p.name(), p.count())).toList();
    }

    private static int wordStart(String text, int at) {
        int i = at;
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /**
     * What the top lists need of an article: its story (its own id before stories), its tags and
     * counts, without the mention spans and their text.
     */
    private record Seen(Instant at, String story, List<Tag> countries, List<Tag> persons) {
    }

    /** An article of the latest list and its record's timestamp. */
    private record Listed(Article article, Instant at) {
    }

    /** What the dashboard's articles endpoint serves. */
    public record Snapshot(long windowMinutes, List<Item> latest, List<Top> topCountries, List<Top> topPersons) {
    }

    /** One article as the dashboard shows it. */
    public record Item(String id, String url, String source, String title, Instant fetchedAt,
            @Nullable Instant publishedAt, int version, List<Tag> countries, List<Tag> persons, Excerpt excerpt) {
    }

    /**
     * A country (key = ISO code) or person (key = entity id across articles, {@code person:kim-jong-un};
     * name = the article's canonical name) and how often the article names it.
     */
    public record Tag(String key, String name, int count) {
    }

    /**
     * A window of the article's text with the mentions in it.
     *
     * @param marks offsets into {@code text}, sorted, not overlapping
     */
    public record Excerpt(String text, boolean cutBefore, boolean cutAfter, List<Mark> marks) {
    }

    /** A highlighted mention; {@code type} is {@code country} or {@code person}. */
    public record Mark(int start, int end, String type, String label) {
    }

    /**
     * A country or person in the top list: in how many distinct stories and articles of the window, how
     * many mentions. A person's key is its entity id, its name the one most articles used.
     */
    public record Top(String key, String name, long stories, long articles, long mentions) {
    }

    @Override
    public void close() {
        FeedReader<String, Article> r = reader;
        if (r != null) {
            r.close();
        }
    }
}
