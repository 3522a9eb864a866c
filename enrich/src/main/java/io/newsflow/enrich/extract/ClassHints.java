package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's class, id and role say about it. Words are matched as whole parts between
 * spaces, hyphens and underscores, so "share-tools" is a share widget but "shareholders" is not.
 * Matching is by word sets rather than regular expressions: it runs on every element of a page.
 */
final class ClassHints {

    /** Containers that usually hold the body. */
    private static final Words POSITIVE = new Words(Set.of("article", "articlebody", "body", "content", "entry",
            "hentry", "main", "post", "story", "storycontent", "text", "blog", "prose", "richtext"),
            List.of(), Set.of("rich-text"));

    /** Containers that usually hold something else; they lower a candidate's score. */
    private static final Words NEGATIVE = new Words(Set.of("comment", "comments", "com", "contact", "foot", "footer",
            "footnote", "masthead", "media", "meta", "outbrain", "taboola", "related", "scroll", "share", "sharing",
            "shoutbox", "sidebar", "skyscraper", "shopping", "tag", "tags", "tool", "tools", "widget", "banner", "ad",
            "ads", "nav", "menu", "header", "hidden", "teaser", "card", "cards", "list", "rail", "byline", "caption",
            "credit", "newsletter", "subscribe", "social", "popular", "trending", "breadcrumb", "breadcrumbs"),
            List.of("promo", "sponsor", "advert", "recommend"), Set.of());

    /** Blocks that are boilerplate wherever they appear, even inside the chosen container. */
    private static final Words BOILERPLATE = new Words(Set.of("share", "shares", "sharing", "sharebar", "social",
            "socials", "related", "newsletter", "newsletters", "subscribe", "subscription", "signup", "comment",
            "comments", "disqus", "ad", "ads", "adslot", "dfp", "gpt", "promo", "promos", "promoted", "sponsored",
            "consent", "gdpr", "caption", "captions", "figcaption", "credit", "credits", "byline", "bylines",
            "authorbio", "bio", "bios", "author", "authors", "contributor", "tags", "taglist", "keywords",
            "toolbar", "tools", "print", "sidebar", "rail", "widget", "outbrain", "taboola", "trending", "popular",
            "mostread", "readmore", "nav", "navigation", "menu", "masthead", "footer", "modal", "popup", "overlay",
            "screenreader", "pagination", "pager", "recirc", "recirculation", "teaser", "teasers", "timestamp",
            "dateline", "meta", "topics", "categories", "kicker", "eyebrow", "headline"),
            List.of("advert", "cookie", "recommend", "breadcrumb"),
            Set.of("read-more", "more-stories", "also-read", "see-also", "sign-up", "most-read", "sr-only",
                    "visually-hidden", "screen-reader", "skip-link", "next-article", "prev-article", "tag-list"));

    /** Furniture so plainly named that a positive word beside it ("footer-content") does not save it. */
    private static final Words STRONG = new Words(Set.of("footer", "comment", "comments", "sidebar", "related",
            "newsletter", "breadcrumb", "breadcrumbs", "nav", "navigation", "menu", "masthead", "share", "sharing",
            "social", "promo", "ad", "ads"), List.of("cookie", "advert"), Set.of());

    /** Hover cards and tooltips: hidden until the mouse is over a name, then read as part of the sentence. */
    private static final Words HOVER = new Words(Set.of("tooltip", "tooltips", "popover", "rollover", "hovercard"),
            List.of(), Set.of("hover-card"));

    /** Embedded posts (tweets, Instagram) quoted by the article: content, though their classes say "social". */
    private static final Words EMBED = new Words(Set.of("embed", "embedded", "tweet", "instagram"), List.of(),
            Set.of("twitter-tweet", "instagram-media"));

    /** WordPress-style taxonomy classes: what the post is about, not what the element is. */
    private static final Set<String> TOPIC_PREFIXES = Set.of("category", "tag", "topic", "section", "postid",
            "format", "status", "type");

    /** Words after which the next word names something else: "content-with-sidebar", "has-comments". */
    private static final Set<String> NEIGHBOUR_WORDS = Set.of("with", "has", "no", "without");

    private static final Set<String> FURNITURE_ROLES = Set.of("navigation", "complementary", "contentinfo",
            "banner", "dialog", "alert", "menu", "toolbar");

    private ClassHints() {
    }

    /**
     * Lower-case words of the class and id. Classes that name the content's topics rather than the
     * element's role ("category-native-advertising", "tag-sidebar") are left out, and so is a word
     * that only describes a neighbour ("content-with-sidebar", "has-comments").
     */
    static List<String> words(Element e) {
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return List.of();
        }
        String hints = (cls + " " + id).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        boolean topic = false;
        boolean neighbour = false;
        for (int i = 0; i <= hints.length(); i++) {
            char ch = i < hints.length() ? hints.charAt(i) : ' ';
            boolean space = ch == ' ' || Character.isWhitespace(ch);
            boolean separator = space || ch == '-' || ch == '_';
            if (!separator && start < 0) {
                start = i;
            } else if (separator && start >= 0) {
                String word = hints.substring(start, i);
                if (start == 0 || Character.isWhitespace(hints.charAt(start - 1))) {
                    topic = TOPIC_PREFIXES.contains(word);
                }
                start = -1;
                if (!topic && !neighbour) {
                    words.add(word);
                }
                neighbour = NEIGHBOUR_WORDS.contains(word);
            }
            if (space) {
                topic = false;
                neighbour = false;
            }
        }
        return words;
    }

    /** Readability's class weight: +25 for a positive hint, -25 for a negative one. */
    static int weight(Element e) {
        List<String> words = words(e);
        if (words.isEmpty()) {
            return 0;
        }
        return (POSITIVE.any(words) ? 25 : 0) - (NEGATIVE.any(words) ? 25 : 0);
    }

    // the cleaner asks several of these of one element: it splits the words once and passes them

    static boolean positive(List<String> words) {
        return POSITIVE.any(words);
    }

    static boolean hoverCard(List<String> words) {
        return HOVER.any(words);
    }

    static boolean strong(List<String> words) {
        return STRONG.any(words) && !EMBED.any(words);
    }

    static boolean boilerplate(Element e) {
        return boilerplate(e, words(e));
    }

    /** @param words the element's {@link #words} */
    static boolean boilerplate(Element e, List<String> words) {
        if (!words.isEmpty() && BOILERPLATE.any(words)) {
            return !EMBED.any(words) || words.contains("newsletter");
        }
        String role = e.attr("role");
        return !role.isEmpty() && FURNITURE_ROLES.contains(role);
    }

    /** Whole words, word prefixes ("advert" for "advertisement") and two-word phrases ("read-more"). */
    private record Words(Set<String> exact, List<String> prefixes, Set<String> pairs) {

        boolean any(List<String> words) {
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (exact.contains(w)) {
                    return true;
                }
                for (String prefix : prefixes) {
                    if (w.startsWith(prefix)) {
                        return true;
                    }
                }
                if (!pairs.isEmpty() && i + 1 < words.size() && pairs.contains(w + "-" + words.get(i + 1))) {
                    return true;
                }
            }
            return false;
        }
    }
}
