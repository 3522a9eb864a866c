package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeFilter;

/**
 * Removes what can never be body text before scoring: scripts, styles, forms controls, embedded
 * media, hidden elements and comments; and, restorably, elements whose tag, class or id says they
 * are page furniture (Readability's "unlikely candidates").
 */
final class PageCleaner {

    private static final Set<String> NEVER_TEXT = Set.of("script", "style", "noscript", "template", "svg",
            "iframe", "object", "embed", "canvas", "button", "input", "select", "textarea", "link", "meta",
            "video", "audio", "source", "picture", "map", "dialog", "math");

    private static final Set<String> FURNITURE = Set.of("nav", "footer", "aside", "menu");

    private enum Verdict { KEEP, DROP, FURNITURE }

    /**
     * The furniture one cleaning took out, with where it was, so that a page whose body was taken
     * for furniture can be read again without parsing it twice.
     */
    static final class Removed {
        private final List<Element> parents = new ArrayList<>();
        private final List<Integer> indices = new ArrayList<>();
        private final List<Element> elements = new ArrayList<>();

        private void add(Element e) {
            parents.add(e.parent());
            indices.add(e.siblingIndex());
            elements.add(e);
        }

        boolean isEmpty() {
            return elements.isEmpty();
        }

        /** Puts every removed element back where it was (last removed first, so indices hold). */
        void restore() {
            for (int i = elements.size() - 1; i >= 0; i--) {
                parents.get(i).insertChildren(indices.get(i), elements.get(i));
            }
            elements.clear();
        }
    }

    private PageCleaner() {
    }

    /** @param bodyHolders the page's article, main and itemprop=articleBody elements (see {@link PageIndex}) */
    static Removed clean(Element root, List<Element> bodyHolders) {
        // elements that hold a marked-up body, and their ancestors, are never furniture
        Set<Element> holders = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element holder : bodyHolders) {
            Element e = holder;
            while (e != null && holders.add(e)) {
                e = e.parent();
            }
        }
        Removed removed = new Removed();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Comment) {
                    return FilterResult.REMOVE;
                }
                if (node instanceof Element e && node != root) {
                    Verdict verdict = verdict(e, holders);
                    if (verdict == Verdict.FURNITURE) {
                        removed.add(e);
                    }
                    if (verdict != Verdict.KEEP) {
                        return FilterResult.REMOVE;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
        return removed;
    }

    private static Verdict verdict(Element e, Set<Element> holders) {
        String tag = e.normalName();
        if (NEVER_TEXT.contains(tag)) {
            return Verdict.DROP;
        }
        if (e.attributesSize() == 0) {
            // no class, id, role or style: only the tag can say it is furniture
            return FURNITURE.contains(tag) && !holders.contains(e) ? Verdict.FURNITURE : Verdict.KEEP;
        }
        if (hidden(e.attributes())) {
            return Verdict.DROP;
        }
        List<String> words = ClassHints.words(e);
        if (ClassHints.hoverCard(words)) {
            return Verdict.DROP;
        }
        if (tag.equals("article") || tag.equals("main") || tag.equals("a") || holders.contains(e)) {
            return Verdict.KEEP;
        }
        if (FURNITURE.contains(tag)
                || ClassHints.boilerplate(e, words) && (!ClassHints.positive(words) || ClassHints.strong(words))) {
            return Verdict.FURNITURE;
        }
        return Verdict.KEEP;
    }

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
