package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    private static boolean holdsArticle(Element e) {
        String tag = e.normalName();
        return tag.equals("article") || tag.equals("main")
                || e.attributesSize() > 0 && e.attr("itemprop").equals("articleBody");
    }

    private void enter(Element e) {
        if (holdsArticle(e)) {
            insideArticle++;
        }
        String tag = e.normalName();
        if (h1 == null && tag.equals("h1") && !e.text().isBlank()) {
            h1 = e;
        }
        if (e.attributesSize() == 0) {
            return;
        }
        switch (tag) {
            case "meta" -> meta(e);
            case "script" -> {
                if (e.attr("type").equalsIgnoreCase("application/ld+json")) {
                    jsonLdScripts.add(e);
                }
            }
            case "link" -> {
                if (canonicalLink == null && e.attr("rel").equalsIgnoreCase("canonical") && e.hasAttr("href")) {
                    canonicalLink = e;
                }
            }
            case "time" -> {
                if (firstTime == null && e.hasAttr("datetime")) {
                    firstTime = e;
                }
            }
            case "img" -> {
                if (articleImage == null && insideArticle > 0 && e.hasAttr("src")) {
                    articleImage = e;
                }
            }
            default -> { }
        }
        String itemprop = e.attr("itemprop");
        if (!itemprop.isEmpty()) {
            if (publishedElement == null && itemprop.equals("datePublished") && e.hasAttr("datetime")) {
                publishedElement = e;
            } else if (modifiedElement == null && itemprop.equals("dateModified") && e.hasAttr("datetime")) {
                modifiedElement = e;
            } else if (itemprop.equals("author")) {
                authorElements.add(e);
                insideAuthor++;
            } else if (itemprop.equals("name") && insideAuthor > 0) {
                authorElements.add(e);
            }
        }
        if (e.attr("rel").equals("author")) {
            authorElements.add(e);
        }
        if (byline == null && (e.hasClass("byline") || e.hasClass("author-name"))) {
            byline = e;
        }
    }

    private void leave(Element e) {
        if (holdsArticle(e)) {
            insideArticle--;
        }
        if (e.attributesSize() > 0 && e.attr("itemprop").equals("author")) {
            insideAuthor--;
        }
    }

    private void meta(Element m) {
        String content = m.attr("content").strip();
        if (content.isEmpty()) {
            return;
        }
        for (String key : new String[] {"property", "name", "itemprop", "http-equiv"}) {
            String name = m.attr(key).toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                metas.putIfAbsent(name, content);
                if (AUTHOR_METAS.contains(name)) {
                    metaAuthors.add(content);
                }
            }
        }
    }
}
