package io.newsflow.enrich.extract;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's class, id and role say about it. Words are matched as whole hyphen/underscore
 * separated parts, so "share-tools" is a share widget but "shareholders" is not.
 */
final class ClassHints {

    private static final String START = "(?:^|[\\s_-])";
    private static final String END = "(?:$|[\\s_-])";

    /** Containers that usually hold the body. */
    private static final Pattern POSITIVE = Pattern.compile(START
            + "(?:article|articlebody|article-body|body|content|entry|entry-content|hentry|main|post|post-body"
            + "|post-content|story|story-body|storycontent|text|blog|prose|rich-text|richtext)" + END);

    /** Containers that usually hold something else; they lower a candidate's score. */
    private static final Pattern NEGATIVE = Pattern.compile(START
            + "(?:comments?|com|contact|foot|footer|footnote|masthead|media|meta|outbrain|taboola|promo\\w*"
            + "|related|scroll|share|sharing|shoutbox|sidebar|skyscraper|sponsor\\w*|shopping|tags?|tool|tools"
            + "|widget|banner|ad|ads|advert\\w*|nav|menu|header|hidden|teaser|card|cards|list|rail|byline"
            + "|caption|credit|newsletter|subscribe|social|popular|trending|recommend\\w*|breadcrumbs?)" + END);

    /** Blocks that are boilerplate wherever they appear, even inside the chosen container. */
    private static final Pattern BOILERPLATE = Pattern.compile(START
            + "(?:share|shares|sharing|share-tools|sharebar|social|social-links|socials|related|related-content"
            + "|newsletter|newsletters|subscribe|subscription|signup|sign-up|comments?|comment-list|disqus"
            + "|advert\\w*|ad|ads|adslot|ad-slot|ad-container|dfp|gpt|promo|promos|promoted|sponsored"
            + "|cookie\\w*|consent|gdpr|caption|captions|figcaption|credit|credits|byline|bylines"
            + "|author-bio|authorbio|bio|bios|authors?|author-info|contributor|about-author|breadcrumb\\w*"
            + "|tags|tag-list|taglist|keywords|toolbar|tools|print|sidebar|rail|widget|outbrain|taboola"
            + "|recommend\\w*|trending|popular|most-read|mostread|read-more|readmore|more-stories|also-read"
            + "|see-also|nav|navigation|menu|masthead|footer|site-footer|page-footer|modal|popup|overlay|sr-only|visually-hidden"
            + "|screen-reader-text|screenreader|skip-link|pagination|pager|next-article|prev-article"
            + "|inline-related|recirc|recirculation|teaser|teasers|embed-newsletter|timestamp|dateline"
            + "|article-meta|post-meta|entry-meta|meta|topics|categories|kicker|eyebrow|headline)"
            + END);

    /** Furniture so plainly named that a positive word beside it ("footer-content") does not save it. */
    private static final Pattern STRONG = Pattern.compile(START
            + "(?:footer|site-footer|comments?|comment-list|sidebar|related|related-content|newsletter|cookie\\w*"
            + "|breadcrumbs?|nav|navigation|menu|masthead|share|sharing|social|promo|advert\\w*|ads?)" + END);

    /** Embedded posts (tweets, Instagram) quoted by the article: content, though their classes say "social". */
    private static final Pattern EMBED = Pattern.compile(START
            + "(?:embed|embedded|twitter-tweet|instagram-media|tweet|social-embed|social-media-embed)" + END);

    private ClassHints() {
    }

    static String of(Element e) {
        String cls = e.className();
        String id = e.id();
        if (cls.isEmpty() && id.isEmpty()) {
            return "";
        }
        return (cls + " " + id).toLowerCase(Locale.ROOT);
    }

    /** Readability's class weight: +25 per positive hint, -25 per negative one, class and id together. */
    static int weight(Element e) {
        String hints = of(e);
        if (hints.isEmpty()) {
            return 0;
        }
        int weight = 0;
        if (NEGATIVE.matcher(hints).find()) {
            weight -= 25;
        }
        if (POSITIVE.matcher(hints).find()) {
            weight += 25;
        }
        return weight;
    }

    static boolean positive(Element e) {
        String hints = of(e);
        return !hints.isEmpty() && POSITIVE.matcher(hints).find();
    }

    static boolean strong(Element e) {
        String hints = of(e);
        return !hints.isEmpty() && STRONG.matcher(hints).find() && !EMBED.matcher(hints).find();
    }

    static boolean boilerplate(Element e) {
        String hints = of(e);
        if (!hints.isEmpty() && BOILERPLATE.matcher(hints).find()) {
            return !EMBED.matcher(hints).find() || hints.contains("newsletter");
        }
        String role = e.attr("role");
        return !role.isEmpty() && (role.equals("navigation") || role.equals("complementary")
                || role.equals("contentinfo") || role.equals("banner") || role.equals("dialog")
                || role.equals("alert") || role.equals("menu") || role.equals("toolbar"));
    }
}
