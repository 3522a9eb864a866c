package io.newsflow.enrich.extract;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * Removes what can never be body text before scoring: scripts, styles, forms controls, embedded
 * media, hidden elements and comments; optionally also elements whose class or id says they are
 * page furniture (Readability's "unlikely candidates").
 */
final class PageCleaner {

    private static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "svg",
            "iframe", "object", "embed", "canvas", "button", "input", "select", "textarea", "link", "meta",
            "video", "audio", "source", "picture", "map", "dialog", "math");

    private static final Set<String> FURNITURE = Set.of("nav", "footer", "aside", "menu");

    private PageCleaner() {
    }

    /**
     * @param removeUnlikely also drop elements hinted as furniture, unless they may hold the body
     * @param bodyHolders the page's article, main and itemprop=articleBody elements (see {@link PageIndex})
     */
    static void clean(Element root, boolean removeUnlikely, List<Element> bodyHolders) {
        // elements that hold a marked-up body, and their ancestors, are never furniture
        Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        if (removeUnlikely) {
            for (Element holder : bodyHolders) {
                Element e = holder;
                while (e != null && holders.add(e)) {
                    e = e.parent();
                }
            }
        }
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Comment || node instanceof Element e && doomed(e, removeUnlikely, holders)) {
                    return FilterResult.REMOVE;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
    }

    private static boolean doomed(Element e, boolean removeUnlikely, Set<Element> holders) {
        String tag = e.normalName();
        if (NEVER_TEXT.contains(tag)) {
            return true;
        }
        if (e.attributesSize() == 0) {
            // no class, id, role or style: only the tag can say it is furniture
            return removeUnlikely && FURNITURE.contains(tag) && !holders.contains(e);
        }
        if (hidden(e.attributes()) || ClassHints.hoverCard(e)) {
            return true;
        }
        if (!removeUnlikely || tag.equals("body") || tag.equals("html") || tag.equals("article")
                || tag.equals("main") || tag.equals("a")) {
            return false;
        }
        if (holders.contains(e)) {
            return false;
        }
        if (FURNITURE.contains(tag)) {
            return true;
        }
        return ClassHints.boilerplate(e) && (!ClassHints.positive(e) || ClassHints.strong(e));
    }

    // attribute names are lower case after parsing, so exact-case lookups are safe and cheaper
    private static boolean hidden(Attributes attributes) {
        if (attributes.hasKey("hidden")) {
            return true;
        }
        String style = attributes.get("style");
        if (style.isEmpty()) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden");
    }
}
