package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the elements that hold the body: every paragraph-like block scores its ancestors by its
 * length and commas (Readability's scheme), scores are weighed by class/id hints, structured
 * markup ({@code itemprop=articleBody}, {@code <article>}) and link density, and the best
 * candidate is joined by siblings that look like more of the same article.
 */
final class ContentLocator {

    private static final Set<String> NOT_PARAGRAPHS = Set.of("li", "h1", "h2", "h3", "h4", "h5", "h6", "th",
            "dt", "caption", "figcaption", "label", "option", "title", "ul", "ol", "dl", "table", "tbody", "tr",
            "body", "html", "head");
    private static final int MIN_PARAGRAPH_CHARS = 25;
    private static final int ANCESTOR_LEVELS = 5;
    private static final int PROSE_CHARS = 80;

    private final TextStats stats;
    private final Map<Element, double[]> scores = new IdentityHashMap<>();
    private final List<Element> candidates = new ArrayList<>();
    /** Characters in prose paragraphs (long, few links) anywhere below an element. */
    private final Map<Element, int[]> prose = new IdentityHashMap<>();

    private ContentLocator(TextStats stats) {
        this.stats = stats;
    }

    /** The body containers in document order; empty when the page has no prose. */
    static List<Element> locate(Document doc, TextStats stats) {
        return new ContentLocator(stats).locate(doc.body());
    }

    private List<Element> locate(Element body) {
        // a walk rather than getAllElements(), which first collects every element into a list
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element e) {
                scoreParagraph(e, body);
            }
        }, body);
        Element top = null;
        double topScore = 0;
        // in the order candidates were first scored, so ties resolve the same way on every run
        for (Element candidate : candidates) {
            double[] s = scores.get(candidate);
            s[0] *= 1 - stats.get(candidate).linkDensity();
            if (s[0] > topScore) {
                topScore = s[0];
                top = candidate;
            }
        }
        if (top == null) {
            return List.of();
        }
        top = widen(top, body, new ArrayList<>(candidates));
        return withSiblings(top, body);
    }

    /** Scores the ancestors of a paragraph-like element by its text; other elements are passed over. */
    private void scoreParagraph(Element e, Element body) {
        String tag = e.normalName();
        if (NOT_PARAGRAPHS.contains(tag) || TextStats.INLINE.contains(tag)) {
            return;
        }
        TextStats.Counts c = stats.get(e);
        if (c.inlineChars < MIN_PARAGRAPH_CHARS) {
            return;
        }
        if (c.inlineChars >= PROSE_CHARS && c.linkDensity() < 0.5) {
            for (Element a = e; a != null && a != body; a = a.parent()) {
                prose.computeIfAbsent(a, k -> new int[1])[0] += c.inlineChars;
            }
        }
        double score = 1 + c.inlineCommas + Math.min(c.inlineChars / 100, 3);
        // loose text beside blocks is its own paragraph, as if wrapped in a <p> inside e
        Element ancestor = c.hasBlock ? e : e.parent();
        for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null; level++) {
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            score(ancestor)[0] += score / divider;
            if (ancestor == body) {
                break;
            }
            ancestor = ancestor.parent();
        }
    }

    private double[] score(Element e) {
        double[] s = scores.get(e);
        if (s == null) {
            s = new double[] {initialScore(e)};
            scores.put(e, s);
            candidates.add(e);
        }
        return s;
    }

    private static double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        score += ClassHints.weight(e);
        if (e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            score += 50;
        }
        if (e.normalName().equals("article")) {
            score += 10;
        }
        return score;
    }

    private double finalScore(Element e) {
        double[] s = scores.get(e);
        return s == null ? 0 : s[0];
    }

    // an article split by ads into several scored blocks is held by their common ancestor
    private Element widen(Element top, Element body, List<Element> ranked) {
        double topScore = finalScore(top);
        ranked.sort((a, b) -> Double.compare(finalScore(b), finalScore(a)));
        List<Element> alternatives = new ArrayList<>();
        for (int i = 0; i < Math.min(5, ranked.size()); i++) {
            Element e = ranked.get(i);
            if (e != top && finalScore(e) >= 0.75 * topScore && !isAncestor(e, top)
                    && !isAncestor(top, e)) {
                alternatives.add(e);
            }
        }
        if (alternatives.size() >= 2) {
            for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
                int contained = 0;
                for (Element alt : alternatives) {
                    if (isAncestor(parent, alt)) {
                        contained++;
                    }
                }
                if (contained >= 2) {
                    top = parent;
                    break;
                }
            }
        }
        // a rising score upwards means more of the article lies beside the candidate
        double lastScore = finalScore(top);
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            double parentScore = finalScore(parent);
            if (parentScore < topScore / 3) {
                break;
            }
            if (parentScore > lastScore) {
                top = parent;
                break;
            }
            lastScore = parentScore;
        }
        // an only child: its siblings are looked for, not its parent's list of children built
        while (top.parent() != null && top.parent() != body && top.previousElementSibling() == null
                && top.nextElementSibling() == null) {
            top = top.parent();
        }
        return top;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private List<Element> withSiblings(Element top, Element body) {
        Element parent = top.parent();
        if (parent == null || top == body) {
            return List.of(top);
        }
        double topScore = finalScore(top);
        double threshold = Math.max(10, topScore * 0.2);
        String topClass = top.className();
        List<Element> out = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                out.add(sibling);
                continue;
            }

            // more of the article: mostly prose, whatever its score (an ancestor too far up gets none)
            TextStats.Counts c = stats.get(sibling);
            int proseChars = proseChars(sibling);
            double proseShare = c.chars == 0 ? 0 : (double) proseChars / c.chars;
            if (proseChars >= 150 && proseShare >= 0.5 && c.linkDensity() < 0.3) {
                out.add(sibling);
                continue;
            }
            double bonus = !topClass.isEmpty() && topClass.equals(sibling.className()) ? topScore * 0.2 : 0;
            if (scores.containsKey(sibling) && finalScore(sibling) + bonus >= threshold && proseShare >= 0.3) {
                out.add(sibling);
            } else if (paragraphLike(sibling)) {
                out.add(sibling);
            }
        }
        return out;
    }

    private int proseChars(Element e) {
        int[] p = prose.get(e);
        return p == null ? 0 : p[0];
    }

    private boolean paragraphLike(Element e) {
        String tag = e.normalName();
        if (!tag.equals("p") && !(tag.equals("div") && !stats.get(e).hasBlock)) {
            return false;
        }
        TextStats.Counts c = stats.get(e);
        double density = c.linkDensity();
        if (c.chars > 80) {
            return density < 0.25;
        }
        if (c.chars == 0 || density > 0) {
            return false;
        }
        String text = e.text();
        return text.endsWith(".") || text.endsWith("\u3002");
    }
}
