package io.newsflow.sink.jdbc;

import io.newsflow.core.record.Article;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.CountryTag;
import io.newsflow.core.record.PersonTag;
import io.newsflow.core.record.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Articles for tests, with tags whose spans point into the text as the tagger's do. */
public final class TestArticles {

    private TestArticles() {
    }

    /** An article mentioning North Korea and Rex Tillerson, published at the given time. */
    public static Article article(String id, int version, String title, Instant publishedAt) {
        String text = title + ".\n\nRex Tillerson met officials from North Korea and China in Beijing.";
        int rex = text.indexOf("Rex Tillerson");
        int nk = text.indexOf("North Korea");
        int cn = text.indexOf("China");
        int bj = text.indexOf("Beijing");
        return new Article(id, "https://example.org/" + id, "test", title, List.of("A. Writer"), publishedAt, null,
                "world", "A lead.", "en", null, text, text.split("\\s+").length, ArticleId.sha256Hex(text), version,
                publishedAt.plusSeconds(60),
                List.of(new CountryTag("KP", "North Korea", 1, List.of(new Span(nk, nk + 11, "North Korea", "name"))),
                        new CountryTag("CN", "China", 2, List.of(new Span(cn, cn + 5, "China", "name"),
                                new Span(bj, bj + 7, "Beijing", "capital")))),
                List.of(new PersonTag("Rex Tillerson", 1, List.of(new Span(rex, rex + 13, "Rex Tillerson", null)))),
                "test-extractor/1", "test-tagger/1");
    }

    /** The same article with other countries, as a later version might tag it. */
    public static Article retagged(Article a, int version, List<CountryTag> countries) {
        return new Article(a.id(), a.url(), a.source(), a.title() + " (v" + version + ")", a.authors(), a.publishedAt(),
                a.modifiedAt(), a.section(), a.lead(), a.language(), a.image(), a.text(), a.wordCount(),
                a.contentSha256(), version, a.fetchedAt(), countries, a.persons(), a.extractorVersion(), a.taggerVersion());
    }

    /** The same article mentioning other persons. */
    public static Article withPersons(Article a, List<PersonTag> persons) {
        return new Article(a.id(), a.url(), a.source(), a.title(), a.authors(), a.publishedAt(), a.modifiedAt(),
                a.section(), a.lead(), a.language(), a.image(), a.text(), a.wordCount(), a.contentSha256(), a.version(),
                a.fetchedAt(), a.countries(), persons, a.extractorVersion(), a.taggerVersion());
    }

    /** An article the database refuses: the same country tagged twice breaks the primary key. */
    public static Article poison(String id, Instant publishedAt) {
        Article a = article(id, 1, "Poison " + id, publishedAt);
        List<CountryTag> twice = new ArrayList<>(a.countries());
        twice.add(a.countries().get(0));
        return retagged(a, 1, twice);
    }

    public static List<Article> many(String prefix, int n, Instant start) {
        List<Article> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(article(prefix + "-" + i, 1, "Article " + prefix + " " + i, start.plusSeconds(i)));
        }
        return out;
    }
}
