package io.newsflow.enrich.extract;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Extracts the article a reader sees from a page: the body paragraphs without page furniture,
 * plus title, authors, dates, section, lead, language, canonical URL and image. Thread-safe and
 * stateless; never throws on bad HTML: a page without a body yields an empty text and a reason.
 */
public final class ArticleExtractor {

    /** Recorded on every article so a subscriber knows which extractor produced it. */
    public static final String VERSION = "1.0.0";

    /** Below this, the cleaned page is read again with the furniture put back. */
    private static final int RETRY_BELOW_CHARS = 250;
    /** Below this, the page is not taken as an article. */
    private static final int MIN_BODY_CHARS = 50;

    public Extraction extract(String html, String url) {
        requireNonNull(html, "html");
        requireNonNull(url, "url");
        Document doc = Jsoup.parse(html, url);
        MetadataReader meta = new MetadataReader(doc);
        String title = meta.title();
        List<String> authors = meta.authors();
        var publishedAt = meta.publishedAt();
        var modifiedAt = meta.modifiedAt();
        String section = meta.section();
        String lead = meta.lead();
        String canonical = meta.canonicalUrl();
        String image = meta.image();
        String declaredLanguage = meta.declaredLanguage();
        JsonNode ld = meta.jsonLd();

        PageCleaner.Removed furniture = PageCleaner.clean(doc.body(), meta.bodyHolders());
        String text = body(doc, title);
        if (text.length() < RETRY_BELOW_CHARS && !furniture.isEmpty()) {
            // the cleaning may have taken the body for furniture: read again trusting only the scores
            furniture.restore();
            String retry = body(doc, title);
            if (retry.length() > text.length()) {
                text = retry;
            }
        }
        text = preferStructuredBody(text, JsonLd.text(ld, "articleBody"));
        String reason = null;
        if (text.length() < MIN_BODY_CHARS) {
            reason = text.isEmpty() ? "no body paragraphs found" : "body too short (" + text.length() + " chars)";
            text = "";
        }
        String language = declaredLanguage != null ? declaredLanguage : LanguageGuesser.guess(text);
        return new Extraction(title, authors, publishedAt, modifiedAt, section, lead, language, canonical, image,
                text, reason);
    }

    private static String body(Document doc, String title) {
        Element body = doc.body();
        TextStats stats = TextStats.of(body);
        List<Element> containers = ContentLocator.locate(doc, stats);
        List<Block> blocks = BoilerplateFilter.filter(ParagraphWriter.write(containers, stats), title);
        List<String> paragraphs = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            paragraphs.add(b.text());
        }
        return String.join("\n\n", paragraphs);
    }

    // a JSON-LD articleBody far longer than what the DOM gave means the DOM pick missed the body
    private static String preferStructuredBody(String text, @Nullable String structured) {
        if (structured == null || structured.length() < 2 * Math.max(text.length(), RETRY_BELOW_CHARS)) {
            return text;
        }
        String[] lines = structured.split("\\s*\\n\\s*");
        List<String> paragraphs = new ArrayList<>();
        for (String line : lines) {
            String p = line.replaceAll("\\s+", " ").strip();
            if (!p.isEmpty()) {
                paragraphs.add(p);
            }
        }
        return String.join("\n\n", paragraphs);
    }
}
