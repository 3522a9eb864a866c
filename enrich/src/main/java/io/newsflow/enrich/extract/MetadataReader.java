package io.newsflow.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
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
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** "Jane Roe | Regional Media": what follows the bar is an affiliation. */
    private static final Pattern BAR = Pattern.compile("\\s+\\|\\s+");
    /** "en-US, en;q=0.9": the first language of a list. */
    private static final Pattern LANGUAGE_LIST = Pattern.compile("[,;\\s]");
    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(?:,|\\band\\b|&|\\bund\\b|\\bet\\b|\\by\\b)\\s*");

    private final Document doc;
    private final @Nullable JsonNode ld;
    private final PageIndex index;

    MetadataReader(Document doc) {
        this.doc = doc;
        this.index = PageIndex.of(doc);
        this.ld = JsonLd.article(index.jsonLdScripts);
    }

    /** The article, main and itemprop=articleBody elements: the cleaner never removes them or their ancestors. */
    List<Element> bodyHolders() {
        return index.bodyHolders;
    }

    @Nullable JsonNode jsonLd() {
        return ld;
    }

    String title() {
        String siteName = meta("og:site_name");
        String h1 = null;
        if (index.h1 != null) {
            h1 = index.h1.text().strip();
        }
        for (String candidate : new String[] {meta("og:title"), meta("twitter:title"), JsonLd.text(ld, "headline"), h1}) {
            if (candidate != null && !candidate.isBlank()) {
                return withoutSiteName(candidate.strip(), siteName, h1);
            }
        }
        // <title> last, and only when needed: finding it is a walk of the document
        String title = doc.title();
        return title.isBlank() ? "" : withoutSiteName(title.strip(), siteName, h1);
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
        return NOT_LETTERS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : SPACES.split(s.strip()).length;
    }

    List<String> authors() {
        Set<String> names = new LinkedHashSet<>(JsonLd.names(ld, "author"));
        if (names.isEmpty()) {
            for (String value : index.metaAuthors) {
                addNames(names, value);
            }
        }
        if (names.isEmpty()) {
            domAuthors(names);
        }
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (!name.startsWith("http") && name.length() <= 80) {
                out.add(name);
            }
        }
        return out;
    }

    // microdata and rel=author first, else the first element classed as a byline
    private void domAuthors(Set<String> names) {
        for (Element e : index.authorElements) {
            if (e.attr("itemprop").equals("author") && e.selectFirst("[itemprop=name]") != null) {
                continue;
            }
            addNames(names, e.hasAttr("content") ? e.attr("content") : e.text());
        }
        if (names.isEmpty() && index.byline != null) {
            addNames(names, index.byline.text());
        }
    }

    private static void addNames(Set<String> names, String raw) {
        // "Jane Roe | Regional Media for Example.com": the name, not the affiliation
        String value = BAR.split(BY.matcher(raw.strip()).replaceFirst(""), 2)[0].strip();
        if (value.isEmpty() || value.startsWith("http")) {
            return;
        }
        for (String name : NAME_SEPARATOR.split(value)) {
            String n = name.strip();
            if (n.length() > 1 && SPACES.split(n).length <= 5) {
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
            Element e = index.publishedElement != null ? index.publishedElement : index.firstTime;
            t = e == null ? null : Dates.parse(e.attr("datetime"));
        }
        return t;
    }

    @Nullable Instant modifiedAt() {
        Instant t = Dates.parse(JsonLd.text(ld, "dateModified"));
        if (t == null) {
            t = Dates.parse(metaAny("article:modified_time", "og:updated_time", "datemodified", "last-modified"));
        }
        if (t == null) {
            t = index.modifiedElement == null ? null : Dates.parse(index.modifiedElement.attr("datetime"));
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
        Element html = doc.firstElementChild();
        String lang = html == null ? "" : html.attr("lang");
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
        String tag = Locale.forLanguageTag(LANGUAGE_LIST.split(lang.strip().replace('_', '-'), 2)[0]).toLanguageTag();
        return tag.equals("und") ? null : tag;
    }

    @Nullable String canonicalUrl() {
        String linked = index.canonicalLink == null ? "" : index.canonicalLink.absUrl("href");
        if (!linked.isEmpty()) {
            return linked;
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
            og = index.articleImage == null ? null : index.articleImage.attr("src");
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
        return index.metas.get(property);
    }

    private @Nullable String metaAny(String... names) {
        for (String name : names) {
            String value = index.metas.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

}
