package io.newsflow.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Reads an article's metadata, most reliable source first: JSON-LD, then Open Graph and other
 * meta tags, then microdata and the visible page. Dates come only from metadata or
 * {@code <time datetime>}, never from a script's text.
 */
final class MetadataReader {

    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-\u2013\u2014:\u00b7\u2022\u00bb/]\\s+");
    private static final Pattern BY = Pattern.compile("^(?:by|von|par|por|di)\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(?:,|\\band\\b|&|\\bund\\b|\\bet\\b|\\by\\b)\\s*");

    private final Document doc;
    private final @Nullable JsonNode ld;
    /** First non-empty content per lower-cased meta name/property/itemprop: one walk instead of a select per field. */
    private final Map<String, String> metas = new HashMap<>();

    MetadataReader(Document doc) {
        this.doc = doc;
        this.ld = JsonLd.article(doc);
        for (Element m : doc.getElementsByTag("meta")) {
            String content = m.attr("content").strip();
            if (content.isEmpty()) {
                continue;
            }
            for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String name = m.attr(key);
                if (!name.isEmpty()) {
                    metas.putIfAbsent(name.toLowerCase(Locale.ROOT), content);
                }
            }
        }
    }

    @Nullable JsonNode jsonLd() {
        return ld;
    }

    String title() {
        String siteName = meta("og:site_name");
        String h1 = null;
        Element h1Element = doc.selectFirst("h1");
        if (h1Element != null && !h1Element.text().isBlank()) {
            h1 = h1Element.text().strip();
        }
        for (String candidate : new String[] {meta("og:title"), meta("twitter:title"), JsonLd.text(ld, "headline"),
                h1, doc.title()}) {
            if (candidate != null && !candidate.isBlank()) {
                return withoutSiteName(candidate.strip(), siteName, h1);
            }
        }
        return "";
    }

    // "Headline | Site" or "Site - Headline": drop the part that names the site
    private static String withoutSiteName(String title, @Nullable String siteName, @Nullable String h1) {
        if (h1 != null && h1.length() > 10 && title.length() > h1.length() && title.startsWith(h1)) {
            return h1;
        }
        Matcher m = TITLE_SEPARATOR.matcher(title);
        int firstStart = -1;
        int firstEnd = -1;
        int lastStart = -1;
        int lastEnd = -1;
        while (m.find()) {
            if (firstStart < 0) {
                firstStart = m.start();
                firstEnd = m.end();
            }
            lastStart = m.start();
            lastEnd = m.end();
        }
        if (lastStart < 0) {
            return title;
        }
        String head = title.substring(0, lastStart).strip();
        String tail = title.substring(lastEnd).strip();
        if (siteName != null && !siteName.isBlank()) {
            String site = normalise(siteName);
            String end = normalise(tail);
            if (end.equals(site) || end.length() >= 3 && (site.contains(end) || end.contains(site))) {
                return head;
            }
            if (normalise(title.substring(0, firstStart)).equals(site)) {
                return title.substring(firstEnd).strip();
            }
        }
        // without a site name, a short last segment after a long head is taken as the site
        if (words(tail) <= 4 && words(head) >= 4) {
            return head;
        }
        return title;
    }

    private static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }

    List<String> authors() {
        Set<String> names = new LinkedHashSet<>(JsonLd.names(ld, "author"));
        if (names.isEmpty()) {
            for (Element m : doc.select("meta[name=author], meta[property=author], meta[name=article:author],"
                    + " meta[name=parsely-author], meta[name=sailthru.author], meta[name=dc.creator]")) {
                addNames(names, m.attr("content"));
            }
        }
        if (names.isEmpty()) {
            for (Element e : doc.select("[itemprop=author] [itemprop=name], [rel=author], [itemprop=author]")) {
                String value = e.hasAttr("content") ? e.attr("content") : e.text();
                if (!e.select("[itemprop=name]").isEmpty() && e.is("[itemprop=author]")) {
                    continue;
                }
                addNames(names, value);
            }
        }
        if (names.isEmpty()) {
            Element byline = doc.selectFirst("[class~=(?i)\\bbyline\\b], [class~=(?i)\\bauthor-name\\b]");
            if (byline != null) {
                addNames(names, byline.text());
            }
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (!name.startsWith("http") && name.length() <= 80) {
                out.add(name);
            }
        }
        return out;
    }

    private static void addNames(Set<String> names, String raw) {
        String value = BY.matcher(raw.strip()).replaceFirst("");
        if (value.isEmpty() || value.startsWith("http")) {
            return;
        }
        for (String name : NAME_SEPARATOR.split(value)) {
            String n = name.strip();
            if (n.length() > 1 && n.split("\\s+").length <= 5) {
                names.add(n);
            }
        }
    }

    @Nullable Instant publishedAt() {
        Instant t = Dates.parse(JsonLd.text(ld, "datePublished"));
        if (t == null) {
            t = Dates.parse(metaAny("article:published_time", "og:published_time", "datepublished", "pubdate",
                    "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "date"));
        }
        if (t == null) {
            t = Dates.parse(first("[itemprop=datePublished][datetime], time[pubdate][datetime], time[datetime]",
                    "datetime"));
        }
        return t;
    }

    @Nullable Instant modifiedAt() {
        Instant t = Dates.parse(JsonLd.text(ld, "dateModified"));
        if (t == null) {
            t = Dates.parse(metaAny("article:modified_time", "og:updated_time", "datemodified", "last-modified"));
        }
        if (t == null) {
            t = Dates.parse(first("[itemprop=dateModified][datetime]", "datetime"));
        }
        return t;
    }

    @Nullable String section() {
        String s = JsonLd.text(ld, "articleSection");
        if (s == null) {
            s = metaAny("article:section", "section", "parsely-section");
        }
        return s;
    }

    @Nullable String lead() {
        String s = meta("og:description");
        if (s == null) {
            s = metaAny("description", "twitter:description");
        }
        if (s == null) {
            s = JsonLd.text(ld, "description");
        }
        return s;
    }

    @Nullable String declaredLanguage() {
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        if (lang.isBlank()) {
            lang = metaAny("content-language", "language");
        }
        if (lang == null || lang.isBlank()) {
            lang = meta("og:locale");
        }
        if (lang == null || lang.isBlank()) {
            lang = JsonLd.text(ld, "inLanguage");
        }
        if (lang == null || lang.isBlank()) {
            return null;
        }
        String tag = lang.strip().replace('_', '-').split("[,;\\s]")[0];
        return Locale.forLanguageTag(tag).toLanguageTag().equals("und") ? null : Locale.forLanguageTag(tag).toLanguageTag();
    }

    @Nullable String canonicalUrl() {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        if (link != null && !link.absUrl("href").isEmpty()) {
            return link.absUrl("href");
        }
        String og = meta("og:url");
        if (og != null) {
            return absolute(og);
        }
        String base = doc.location();
        return base.isEmpty() ? null : base;
    }

    @Nullable String image() {
        String og = metaAny("og:image", "twitter:image");
        if (og == null) {
            og = JsonLd.image(ld);
        }
        if (og == null) {
            // no declared image: the first picture of the article itself, not a logo from the header
            Element img = doc.selectFirst("article img[src], [itemprop=articleBody] img[src], main img[src]");
            og = img == null ? null : img.attr("src");
        }
        return og == null ? null : absolute(og);
    }

    // relative to the page; a value that is not a URL is kept as the page gave it
    private String absolute(String url) {
        try {
            return doc.location().isEmpty() ? url : URI.create(doc.location()).resolve(url.strip()).toString();
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private @Nullable String meta(String property) {
        return metas.get(property);
    }

    private @Nullable String metaAny(String... names) {
        for (String name : names) {
            String value = metas.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private @Nullable String first(String query, String attribute) {
        for (Element e : doc.select(query)) {
            String v = e.attr(attribute).strip();
            if (!v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
