package io.newsflow.enrich.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Text amounts of every element, computed bottom-up in one walk so scoring never calls
 * {@code text()} per element (which would make it quadratic in the page's depth).
 */
final class TextStats {

    /** Phrasing elements: their text belongs to the enclosing block. */
    static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn",
            "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
            "u", "var", "wbr", "del", "ins", "strike", "tt", "big", "label", "nobr", "img");

    /** Amounts for one element. */
    static final class Counts {
        /** Characters of text, whitespace runs counted once. */
        int chars;
        /** Characters inside links. */
        int linkChars;
        /** Commas, a sign of prose. */
        int commas;
        /** Characters of text not inside a nested block, i.e. the element's own paragraph text. */
        int inlineChars;
        int inlineCommas;
        /** Whether a block element lies inside. */
        boolean hasBlock;

        /**
         * Counts a text node of the element, as its own paragraph text: characters with whitespace
         * runs counted once, and commas, in one pass, since every text node of the page comes here.
         */
        void addText(String s) {
            int n = 0;
            int commaCount = 0;
            boolean space = true;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (Character.isWhitespace(ch) || ch == '\u00a0') {
                    if (!space) {
                        n++;
                        space = true;
                    }
                } else {
                    n++;
                    space = false;
                    if (ch == ',' || ch == '\uff0c' || ch == '\u3001' || ch == '\u060c') {
                        commaCount++;
                    }
                }
            }
            chars += n;
            commas += commaCount;
            inlineChars += n;
            inlineCommas += commaCount;
        }

        double linkDensity() {
            return chars == 0 ? 0 : (double) linkChars / chars;
        }
    }

    private final Map<Element, Counts> counts = new IdentityHashMap<>();

    private TextStats() {
    }

    static TextStats of(Element root) {
        TextStats stats = new TextStats();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof TextNode text) {
                    if (node.parent() instanceof Element parent) {
                        stats.get(parent).addText(text.getWholeText());
                    }
                } else if (node instanceof Element e) {
                    Counts c = stats.get(e);
                    if (e.normalName().equals("a")) {
                        c.linkChars = c.chars;
                    }
                    if (e != root && e.parent() != null) {
                        Counts p = stats.get(e.parent());
                        p.chars += c.chars;
                        p.linkChars += c.linkChars;
                        p.commas += c.commas;
                        boolean inline = INLINE.contains(e.normalName()) && !c.hasBlock;
                        if (inline) {
                            p.inlineChars += c.chars;
                            p.inlineCommas += c.commas;
                        } else {
                            p.hasBlock = true;
                        }
                    }
                }
            }
        }, root);
        return stats;
    }

    Counts get(Element e) {
        return counts.computeIfAbsent(e, k -> new Counts());
    }
}
