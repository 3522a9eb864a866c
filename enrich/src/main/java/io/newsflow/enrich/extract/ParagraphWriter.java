package io.newsflow.enrich.extract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns the chosen containers into paragraphs by walking their nodes: every block element ends
 * the paragraph before it (jsoup's {@code text()} would glue blocks with a space), whitespace is
 * collapsed, and blocks marked as furniture (captions, share bars, related links, newsletter
 * boxes, bios...) are skipped whole.
 */
final class ParagraphWriter {

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd",
            "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "caption", "center", "br",
            "body", "html");

    private static final Set<String> SKIPPED = Set.of("figure", "figcaption", "nav", "aside", "footer", "header",
            "h1", "dialog", "menu", "hr");

    private final TextStats stats;
    private final List<Block> blocks = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private final Deque<Block.Kind> kinds = new ArrayDeque<>();
    private int linkDepth;
    private int linkChars;

    private ParagraphWriter(TextStats stats) {
        this.stats = stats;
    }

    static List<Block> write(List<Element> roots, TextStats stats) {
        ParagraphWriter writer = new ParagraphWriter(stats);
        for (Element root : roots) {
            writer.walk(root);
        }
        return writer.blocks;
    }

    private void walk(Element root) {
        int rootChars = Math.max(1, stats.get(root).chars);
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    append(text.getWholeText());
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                if (node != root && skip(e, rootChars)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = e.normalName();
                if (tag.equals("a")) {
                    linkDepth++;
                } else if (BLOCKS.contains(tag)) {
                    flush();
                    kinds.push(kindOf(tag));
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("a")) {
                        linkDepth--;
                    } else if (BLOCKS.contains(tag)) {
                        flush();
                        kinds.pop();
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        flush();
    }

    private boolean skip(Element e, int rootChars) {
        String tag = e.normalName();
        if (SKIPPED.contains(tag)) {
            return true;
        }
        // inline classes are mostly styling ("hidden-xs", "bold"); furniture comes in blocks
        if (TextStats.INLINE.contains(tag) || !ClassHints.boilerplate(e)) {
            return false;
        }
        // a wrapper holding most of the body is not furniture, whatever its class says
        return stats.get(e).chars < rootChars / 2 || rootChars < 400;
    }

    private static Block.Kind kindOf(String tag) {
        return switch (tag) {
            case "h2", "h3", "h4", "h5", "h6", "dt" -> Block.Kind.HEADING;
            case "li" -> Block.Kind.LIST_ITEM;
            case "blockquote" -> Block.Kind.QUOTE;
            case "pre" -> Block.Kind.PREFORMATTED;
            case "td", "th" -> Block.Kind.CELL;
            default -> Block.Kind.PARAGRAPH;
        };
    }

    private void append(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\u200b' || ch == '\u200c' || ch == '\u200d' || ch == '\ufeff' || ch == '\u00ad') {
                continue;
            }
            boolean space = Character.isWhitespace(ch) || ch == '\u00a0' || ch == '\u2007' || ch == '\u202f';
            if (space) {
                if (current.length() > 0 && current.charAt(current.length() - 1) != ' ') {
                    current.append(' ');
                }
            } else {
                current.append(ch);
                if (linkDepth > 0) {
                    linkChars++;
                }
            }
        }
    }

    private void flush() {
        int end = current.length();
        while (end > 0 && current.charAt(end - 1) == ' ') {
            end--;
        }
        if (end > 0) {
            Block.Kind kind = kinds.isEmpty() ? Block.Kind.PARAGRAPH : kinds.peek();
            blocks.add(new Block(current.substring(0, end), kind, linkChars));
        }
        current.setLength(0);
        linkChars = 0;
    }
}
