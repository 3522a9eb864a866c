package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The last pass over the paragraphs of the chosen container: drops what survived the structural
 * cleaning but a reader does not count as the article: labels ("Sections", "Advertisement"),
 * photo captions and credits, share prompts, "read more" and related links, newsletter, cookie
 * and paywall notices, bylines and datelines, and trailers such as an "Authors" list.
 */
final class BoilerplateFilter {

    // patterns are lower case and run on lower-cased text: case-insensitive matching costs a case fold per char

    /** "See also" and "most popular" in the other languages of the web's news, for trailers. */
    private static final String MORE_ELSEWHERE = "|читайте также.*|самые популярные.*|похожие (?:статьи|новости).*"
            + "|lesen sie auch.*|mehr zum thema.*|das könnte sie auch interessieren.*|à lire aussi.*|lire aussi.*"
            + "|voir aussi.*|sur le même sujet.*|te puede interesar.*|noticias relacionadas.*|ver también.*"
            + "|leia também.*|veja também.*|você pode gostar.*|você também pode gostar.*|potrebbe interessarti.*"
            + "|articoli correlati.*|lees ook.*|meer over.*";

    /** A whole paragraph that is only a label. */
    private static final Pattern LABEL = Pattern.compile("(?:advertisement|advertising|ad|sponsored(?: content)?"
            + "|sections?|menu|search|share(?: this(?: article| story| post)?)?(?: on \\w+)?|tweet|e-?mail|print"
            + "|facebook|twitter|linkedin|whatsapp|pinterest|reddit|comments?|\\d+ comments?|leave a comment"
            + "|editor'?s note:?|related(?: content| articles?| stories| posts| coverage| news)?:?|read more:?"
            + "|see also:?|more:?|recommended(?: for you)?|most (?:popular|read)|trending(?: now)?|advert"
            + "|continue reading|show more|load more|next|previous|back to top|top|close|skip to .{0,30}"
            + "|follow us|log ?in|sign ?in|sign ?up|subscribe|register|topics:?|tags:?|filed under:?"
            + "|photo|photos|image|video|watch|listen|audio|gallery|credit|caption|copy link|link copied|text size"
            + "|font size|iklan|anzeige|werbung|publicité|publicidad|pubblicità|реклама|advertentie|publicidade)\\W*");

    /** A short paragraph opening like a prompt or a pointer elsewhere. */
    private static final Pattern PROMPT = Pattern.compile("\\(?(?:read (?:more|also|next|the full)|filed under"
            + "|if you (?:enjoyed|liked|value) this|reporting by|editing by|writing by|related(?: \\w+)?:|also read"
            + "|see also|more from|more on|click here|sign up|subscribe (?:to|now|for|today)|follow (?:us|him|her)"
            + "|share (?:this|on)|don'?t miss|recommended|watch:|listen:|video:|photo:|photos:|image:"
            + "|picture:|pictured:|photograph:|credit:|image credit|photo credit|source: getty|getty images"
            + "|copyright|©|\\(c\\) \\d{4}|all rights reserved|this (?:article|story) (?:was|is|first|originally)"
            + "|editor'?s note:|updated:|published:|posted:|last updated|first published"
            + "|published by|posted by|publicado por|publié par|veröffentlicht von|pubblicato da|publicado el"
            + "|written by|reporting by|additional reporting|edited by|contact (?:the )?(?:author|us|reporter)"
            + "|advertisement|sponsored|get the latest|want more|like this (?:article|story)|join (?:our|the)"
            + "|download (?:our|the) app|have a (?:news )?tip)");

    /** Notices that are boilerplate wherever they sit in a short paragraph, as plain phrases. */
    private static final String[] NOTICE_PHRASES = {"we use cookies", "uses cookies", "cookie policy",
        "privacy policy", "already a subscriber", "to continue reading", "subscribers only", "for subscribers",
        "create a free account", "log in to continue", "your inbox", "enter your email", "email address",
        "ad blocker", "disable your ad", "javascript is disabled", "enable javascript", "requires javascript",
        "your browser does not support", "follow us on", "like us on facebook", "this content is imported from",
        "contributed to this", "contributed reporting", "contributed additional reporting"};

    /**
     * Notices that need a pattern, each behind a word it must contain: one alternation over all of
     * them would be tried at every position of every paragraph.
     */
    private static final List<Notice> NOTICE_PATTERNS = List.of(
            new Notice("cookies", "accept (?:all )?cookies"),
            new Notice("terms of", "terms of (?:use|service)"),
            new Notice("subscribe to", "subscribe to (?:continue|read|unlock)"),
            new Notice("newsletter", "sign up for (?:our|the|a) .{0,40}newsletter|newsletter sign ?up"),
            new Notice("/", "(?:reuters|ap photo|afp|getty images|epa|shutterstock|file photo|ap|bloomberg|istock)\\s*/"),
            new Notice("(", "\\((?:photo|image|picture)s? (?:by|credit|courtesy)"),
            new Notice(" by", "(?:photo|image|picture|illustration)s? by"),
            new Notice("credit", "(?:photo|image|picture|illustration)s? credit"),
            new Notice("courtesy", "(?:photo|image|picture|illustration)s? courtesy"),
            new Notice(" via", "(?:photo|image|picture|illustration)s? via"),
            new Notice("share this", "share this (?:article|story)"));

    private record Notice(String word, Pattern pattern) {
        Notice(String word, String regex) {
            this(word, Pattern.compile(regex));
        }

        boolean in(String lower) {
            return lower.contains(word) && pattern.matcher(lower).find();
        }
    }

    /** A WordPress shortcode the site failed to expand: "[button link=...]Send us...[/button]". */
    private static final Pattern SHORTCODE = Pattern.compile("\\[\\w+[^\\]]*\\].*\\[/\\w+\\]");

    /** A heading that opens a trailer; it and what follows it up to the next heading are dropped. */
    private static final Pattern TRAILER = Pattern.compile("(?:authors?|about the authors?|about|related.*"
            + "|read more.*|more from.*|more on.*|more stories.*|more news.*|recommended.*|you may also like.*"
            + "|you might also like.*|also read.*|comments?|\\d+ comments?|leave a (?:comment|reply)|share.*"
            + "|tags|topics|filed under.*|most popular.*|most read.*|trending.*|newsletter.*|sign up.*"
            + "|subscribe.*|follow us.*|editor'?s picks?|popular.*|latest(?: news| stories)?|what to read next"
            + "|further reading|up next|sponsored.*|advertisement|about this (?:author|writer)|sections?"
            + "|contributors?|get in touch|related articles|in case you missed it.*|top stories"
            + MORE_ELSEWHERE + ")\\W*");

    /** A short paragraph that, like a trailer heading, opens a list of links to other pages. */
    private static final Pattern TRAILER_LINE = Pattern.compile("(?:you (?:may|might) also (?:like|enjoy)"
            + "|related (?:articles|stories|content|posts|coverage|links)|more (?:stories|articles|news) from"
            + "|recommended (?:for you|stories|articles|reading)|most (?:popular|read|viewed)(?: stories| articles)?"
            + "|trending (?:now|stories)|(?:show|view|read|load) comments|\\d+ comments|what to read next"
            + "|more (?:\\S+ ){0,3}(?:stories|articles|reads|coverage)(?: from .*)?"
            + MORE_ELSEWHERE + ")\\W*");

    /** A short line that is only a date, with perhaps a time. */
    private static final Pattern DATE_LINE = Pattern.compile("(?:(?:published|updated|posted|last updated)\\s*:?\\s*)?"
            + "(?:(?:mon|tue|wed|thu|fri|sat|sun)\\w*,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?"
            + "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
            + ".{0,30}|\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}.{0,20}");

    /** A byline: "By Jane Doe", "BY JANE DOE and John Roe, Reuters". Case matters: "By the way". */
    private static final Pattern BYLINE = Pattern.compile("(?:By|BY|by)\\s+\\p{Lu}[\\p{L}.'-]*(?:\\s+\\S+){0,12}");

    private BoilerplateFilter() {
    }

    static List<Block> filter(List<Block> blocks, String title) {
        String normTitle = normalise(title);
        List<Block> out = new ArrayList<>(blocks.size());
        boolean inTrailer = false;
        for (Block b : blocks) {
            String text = b.text().toLowerCase(Locale.ROOT);
            if (b.kind() == Block.Kind.HEADING) {
                inTrailer = TRAILER.matcher(text).matches();
                if (inTrailer) {
                    continue;
                }
            } else if (text.length() <= 50 && TRAILER_LINE.matcher(text).matches()) {
                inTrailer = true;
                continue;
            }
            if (inTrailer || drop(b, normTitle)) {
                continue;
            }
            out.add(b);
        }
        // a heading with nothing after it introduces something that was removed
        while (!out.isEmpty() && out.get(out.size() - 1).kind() == Block.Kind.HEADING) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static boolean drop(Block b, String normTitle) {
        String original = b.text();
        String text = original.toLowerCase(Locale.ROOT);
        int length = text.length();
        if (length <= 40 && LABEL.matcher(text).matches()) {
            return true;
        }
        if (!normTitle.isEmpty() && length < normTitle.length() + 20 && normalise(text).equals(normTitle)) {
            return true;
        }
        double links = b.linkDensity();
        // mostly links with little prose around them: navigation or pointers to other articles
        if (links > 0.8 || links > 0.5 && length - b.linkChars() < 80) {
            return true;
        }
        if (length < 160 && PROMPT.matcher(text).lookingAt()) {
            return true;
        }
        if (length < 300 && notice(text)) {
            return true;
        }
        if (text.startsWith("[") && SHORTCODE.matcher(text).matches()) {
            return true;
        }
        if (length < 100 && !text.endsWith(".") && BYLINE.matcher(original).matches()) {
            return true;
        }
        return length < 60 && DATE_LINE.matcher(text).matches();
    }

    private static boolean notice(String lower) {
        for (String phrase : NOTICE_PHRASES) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        for (Notice notice : NOTICE_PATTERNS) {
            if (notice.in(lower)) {
                return true;
            }
        }
        return false;
    }

    /** Letters and digits only, lower case: "Bridge vote | Town" and "bridge vote: town" compare equal. */
    private static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                sb.append(Character.toLowerCase(ch));
            }
        }
        return sb.toString();
    }
}
