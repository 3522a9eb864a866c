package io.newsflow.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.newsflow.core.record.Html;
import io.newsflow.enrich.DevSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The extractor reads a page held as UTF-8 bytes, as enrich receives it from the pages topic,
 * exactly as it reads the same page held as text, on the real pages of the public dev set.
 */
class ArticleExtractorDevSetTest {

    @Test
    void aPageReadFromItsUtf8BytesExtractsAsItsText() throws IOException {
        Path dev = DevSet.require();
        Map<String, String> pages = HtmlPages.read(dev.resolve("html"));
        assertFalse(pages.isEmpty(), "no pages in " + dev);
        ArticleExtractor extractor = new ArticleExtractor();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String url = "https://example.org/" + page.getKey();
            byte[] utf8 = page.getValue().getBytes(StandardCharsets.UTF_8);

            Extraction fromText = extractor.extract(page.getValue(), url);
            Extraction fromBytes = extractor.extract(Html.ofUtf8(utf8, 0, utf8.length), url);

            assertEquals(fromText, fromBytes, page.getKey());
        }
    }
}
