package io.newsflow.app.eval.stories;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jsoup.nodes.Entities;

/**
 * Makes the page a client outlet would publish from a wire article, the way syndicated copies
 * differ from the original: another site's template around the body, a rewritten headline, the
 * last paragraphs cut, a credit line added, and a lightly edited lede (a dateline, a word or two
 * changed). Every choice comes from the random source, so a seed gives the same copy.
 */
public final class Republisher {

    /** Share of the paragraphs that may be cut from the end, at most. */
    static final double MAX_CUT = 0.34;

    private static final List<String> CREDITS = List.of(
            "This article originally appeared on %s and is republished here with permission.",
            "Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, "
                    + "rewritten or redistributed.",
            "(Reporting by staff correspondents; Editing by the world desk)",
            "Distributed by Tribune Content Agency, LLC.",
            "Source: %s");
    private static final List<String> DATELINES = List.of("NEW YORK (AP) — ", "LONDON (Reuters) - ", "WASHINGTON — ",
            "PARIS (AFP) - ", "");
    private static final List<String> HEADLINE_PREFIXES = List.of("", "UPDATE: ", "Report: ", "WATCH: ");
    private static final List<String[]> SWAPS = List.of(
            new String[] {"said", "told reporters"}, new String[] {"says", "said"}, new String[] {"on Monday", "Monday"},
            new String[] {"on Tuesday", "Tuesday"}, new String[] {"announced", "said"}, new String[] {"the ", "this "},
            new String[] {"about", "around"}, new String[] {"more than", "over"}, new String[] {"but", "however"});

    /** A copy: its headline, its paragraphs and the page around them. */
    public record Copy(String title, List<String> paragraphs, String html) {
    }

    /**
     * The page a client outlet would publish from the article {@code title} + {@code paragraphs}
     * first published on {@code host}.
     */
    public Copy republish(String title, List<String> paragraphs, String host, SplittableRandom random) {
        List<String> body = new ArrayList<>(paragraphs);
        int cut = body.size() < 2 ? 0 : random.nextInt((int) Math.floor(body.size() * MAX_CUT) + 1);
        body = new ArrayList<>(body.subList(0, body.size() - cut));
        if (!body.isEmpty()) {
            body.set(0, editLede(body.get(0), random));
        }
        String credit = String.format(Locale.ROOT, CREDITS.get(random.nextInt(CREDITS.size())), host);
        if (random.nextBoolean()) {
            body.add(credit);
        } else {
            body.add(0, credit);
        }
        String headline = rewriteHeadline(title, random);
        String html = switch (random.nextInt(3)) {
            case 0 -> portal(headline, body);
            case 1 -> regionalPaper(headline, body);
            default -> blog(headline, body);
        };
        return new Copy(headline, List.copyOf(body), html);
    }

    /** A dateline in front, and one or two words swapped or dropped. */
    static String editLede(String lede, SplittableRandom random) {
        String edited = lede;
        int edits = 1 + random.nextInt(2);
        for (int i = 0; i < edits; i++) {
            String[] swap = SWAPS.get(random.nextInt(SWAPS.size()));
            int at = edited.indexOf(swap[0]);
            if (at >= 0) {
                edited = edited.substring(0, at) + swap[1] + edited.substring(at + swap[0].length());
            } else {
                edited = dropWord(edited, random);
            }
        }
        return DATELINES.get(random.nextInt(DATELINES.size())) + edited;
    }

    private static String dropWord(String text, SplittableRandom random) {
        String[] words = text.split(" ");
        if (words.length < 4) {
            return text;
        }
        int drop = 1 + random.nextInt(words.length - 2);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i != drop) {
                out.append(out.length() == 0 ? "" : " ").append(words[i]);
            }
        }
        return out.toString();
    }

    /** The part before a colon or dash kept, a prefix added, or the words put in sentence case. */
    static String rewriteHeadline(String title, SplittableRandom random) {
        String headline = title;
        for (String separator : List.of(": ", " - ", " – ", " | ")) {
            int at = headline.indexOf(separator);
            if (at > 10 && random.nextBoolean()) {
                headline = headline.substring(0, at);
                break;
            }
        }
        if (random.nextBoolean() && headline.length() > 1) {
            headline = headline.charAt(0) + headline.substring(1).toLowerCase(Locale.ROOT);
        }
        return HEADLINE_PREFIXES.get(random.nextInt(HEADLINE_PREFIXES.size())) + headline;
    }

    private static String portal(String headline, List<String> body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(headline)
                + " | News Portal</title></head><body><header class=\"site-header\"><a class=\"logo\" href=\"/\">News Portal</a>"
                + "<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/business\">Business</a></li>"
                + "<li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li></ul></nav></header>"
                + "<div class=\"layout\"><main id=\"main\"><article class=\"story\"><h1 class=\"headline\">" + esc(headline)
                + "</h1><div class=\"byline\">By Wire Staff</div><div class=\"story-body\">" + paragraphs(body)
                + "</div><div class=\"share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Tweet</a></div></article></main>"
                + "<aside class=\"sidebar\"><h3>Most read</h3><ol><li><a href=\"/a\">Council approves budget</a></li>"
                + "<li><a href=\"/b\">Storm warning for the coast</a></li><li><a href=\"/c\">Team wins derby</a></li></ol></aside>"
                + "</div><footer><p>© 2019 News Portal. All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer>"
                + "</body></html>";
    }

    private static String regionalPaper(String headline, List<String> body) {
        return "<html><head><title>" + esc(headline) + " - The County Herald</title>"
                + "<meta property=\"og:title\" content=\"" + esc(headline) + "\"></head><body>"
                + "<div id=\"top\"><div class=\"masthead\">The County Herald</div><div class=\"menu\"><a href=\"/\">Home</a> | "
                + "<a href=\"/local\">Local</a> | <a href=\"/obits\">Obituaries</a> | <a href=\"/subscribe\">Subscribe</a></div></div>"
                + "<table class=\"main\"><tr><td class=\"content\"><h2>" + esc(headline) + "</h2><span class=\"date\">"
                + "Nov 19, 2019</span><div id=\"article-text\">" + paragraphs(body) + "</div>"
                + "<div class=\"related\"><b>Related stories</b><ul><li><a href=\"/r1\">School board meets Tuesday</a></li>"
                + "<li><a href=\"/r2\">Fair returns next summer</a></li></ul></div></td><td class=\"ads\">Advertisement</td></tr>"
                + "</table><div class=\"footer\">Contact us · Advertise · Terms</div></body></html>";
    }

    private static String blog(String headline, List<String> body) {
        return "<!doctype html><html lang=\"en\"><head><title>" + esc(headline) + "</title></head><body class=\"single-post\">"
                + "<div class=\"wrap\"><header><h1 class=\"site-title\"><a href=\"/\">Daily Digest</a></h1></header>"
                + "<section class=\"post\"><h1 class=\"entry-title\">" + esc(headline) + "</h1>"
                + "<div class=\"entry-meta\">Posted in World</div><div class=\"entry-content\">" + paragraphs(body)
                + "</div></section><section class=\"comments\"><h3>Leave a comment</h3><form><textarea></textarea>"
                + "<button>Post comment</button></form></section>"
                + "<div class=\"newsletter\">Sign up for our newsletter to get the digest every morning.</div></div>"
                + "</body></html>";
    }

    private static String paragraphs(List<String> body) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : body) {
            html.append("<p>").append(esc(paragraph)).append("</p>");
        }
        return html.toString();
    }

    private static String esc(String text) {
        return Entities.escape(text);
    }
}
