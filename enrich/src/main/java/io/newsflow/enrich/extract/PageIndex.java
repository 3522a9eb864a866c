package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * The elements metadata is read from, gathered in one walk over the page: a CSS query per field
 * would walk the whole document a dozen times, as long as the parse itself.
 */
final class PageIndex {

    private static final Set<String> AUTHOR_METAS = Set.of("author", "article:author", "parsely-author",
            "sailthru.author", "dc.creator");

    private static final String[] META_KEYS = {"property", "name", "itemprop", "http-equiv"};

    /** First non-empty content per lower-cased meta name, property, itemprop or http-equiv. */
    final Map<String, String> metas = new HashMap<>();
    /** Every author meta, in page order (a page may list several). */
    final List<String> metaAuthors = new ArrayList<>();
    final List<Element> jsonLdScripts = new ArrayList<>();
    /** Elements marked as authors: itemprop=author (or its itemprop=name) and rel=author. */
    final List<Element> authorElements = new ArrayList<>();
    @Nullable Element byline;
    @Nullable Element h1;
    @Nullable Element canonicalLink;
    @Nullable Element publishedElement;
    @Nullable Element modifiedElement;
    @Nullable Element firstTime;
    /** The article, main and itemprop=articleBody elements, in page order. */
    final List<Element> bodyHolders = new ArrayList<>();
    /** The first picture inside an article, main or articleBody element. */
    @Nullable Element articleImage;

    private int insideArticle;
    private int insideAuthor;

    private PageIndex() {
    }

    static PageIndex of(Document doc) {
        PageIndex index = new PageIndex();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    index.enter(e);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    index.leave(e);
                }
            }
        }, doc);
        return index;
    }

    // attribute names are lower case after parsing, so exact-case lookups are safe and cheaper
    private static boolean holdsArticle(Element e) {
        String tag = e.normalName();
        return tag.equals("article") || tag.equals("main")
                || e.attributesSize() > 0 && e.attributes().get("itemprop").equals("articleBody");
    }

    private void enter(Element e) {
        if (holdsArticle(e)) {
            insideArticle++;
            bodyHolders.add(e);
        }
        String tag = e.normalName();
        if (h1 == null && tag.equals("h1") && !e.text().isBlank()) {
            h1 = e;
        }
        if (e.attributesSize() == 0) {
            return;
        }
        Attributes a = e.attributes();
        switch (tag) {
            case "meta" -> meta(a);
            case "script" -> {
                if (a.get("type").equalsIgnoreCase("application/ld+json")) {
                    jsonLdScripts.add(e);
                }
            }
            case "link" -> {
                if (canonicalLink == null && a.get("rel").equalsIgnoreCase("canonical") && a.hasKey("href")) {
                    canonicalLink = e;
                }
            }
            case "time" -> {
                if (firstTime == null && a.hasKey("datetime")) {
                    firstTime = e;
                }
            }
            case "img" -> {
                if (articleImage == null && insideArticle > 0 && a.hasKey("src")) {
                    articleImage = e;
                }
            }
            default -> { }
        }
        String itemprop = a.get("itemprop");
        if (!itemprop.isEmpty()) {
            if (publishedElement == null && itemprop.equals("datePublished") && a.hasKey("datetime")) {
                publishedElement = e;
            } else if (modifiedElement == null && itemprop.equals("dateModified") && a.hasKey("datetime")) {
                modifiedElement = e;
            } else if (itemprop.equals("author")) {
                authorElements.add(e);
                insideAuthor++;
            } else if (itemprop.equals("name") && insideAuthor > 0) {
                authorElements.add(e);
            }
        }
        if (a.get("rel").equals("author")) {
            authorElements.add(e);
        }
        if (byline == null) {
            String cls = a.get("class");
            boolean named = cls.contains("byline") || cls.contains("author-name");
            if (named && (e.hasClass("byline") || e.hasClass("author-name"))) {
                byline = e;
            }
        }
    }

    private void leave(Element e) {
        if (holdsArticle(e)) {
            insideArticle--;
        }
        if (e.attributesSize() > 0 && e.attributes().get("itemprop").equals("author")) {
            insideAuthor--;
        }
    }

    private void meta(Attributes a) {
        String content = a.get("content").strip();
        if (content.isEmpty()) {
            return;
        }
        for (String key : META_KEYS) {
            String name = a.get(key).toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                metas.putIfAbsent(name, content);
                if (AUTHOR_METAS.contains(name)) {
                    metaAuthors.add(content);
                }
            }
        }
    }
}
