package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the article body from a page: the paragraphs, headings and list items of the main
 * container, one paragraph per block, joined by blank lines.
 */
public final class ArticleExtractor {

    /** Recorded on every article so a subscriber knows which extractor produced it. */
    public static final String VERSION = "0.1.0";

    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote";

    /** Never throws on bad HTML: a page without body paragraphs yields an empty text and a reason. */
    public Extraction extract(String html, String url) {
        Document doc = Jsoup.parse(html, url);
        String title = title(doc);
        Element container = doc.selectFirst("article");
        if (container == null) {
            container = doc.body();
        }
        List<String> paragraphs = new ArrayList<>();
        for (Element block : container.select(BLOCKS)) {
            if (block.parents().stream().anyMatch(p -> p.is("nav, header, footer, aside, figure"))
                    || !block.select(BLOCKS).isEmpty() && block.select(BLOCKS).size() > 1) {
                continue;
            }
            String text = block.text().strip();
            if (!text.isEmpty() && !text.equals(title)) {
                paragraphs.add(text);
            }
        }
        String text = String.join("\n\n", paragraphs);
        String lang = doc.selectFirst("html[lang]") == null ? null : doc.selectFirst("html[lang]").attr("lang");
        return new Extraction(title, List.of(), null, null, null, null, lang, null, null, text,
                text.isEmpty() ? "no body paragraphs" : null);
    }

    private static String title(Document doc) {
        Element og = doc.selectFirst("meta[property=og:title]");
        if (og != null && !og.attr("content").isBlank()) {
            return og.attr("content").strip();
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        return doc.title().strip();
    }
}
