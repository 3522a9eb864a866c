package io.newsflow.enrich.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.record.ArticleId;
import io.newsflow.core.record.Page;
import io.newsflow.enrich.DevSet;
import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.HtmlPages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The source-health judge on real news pages (the public extraction dev set): a page whose gold
 * article body is long is a real article, so judging it blocked would be a false alarm that turns a
 * healthy source {@code blocked}. Prints how the pages were judged, the figure docs/signals.md gives.
 */
class PageInspectorDevSetTest {

    private static final int MIN_CHARS = 400;

    @Test
    void judgesNoRealArticleOfTheDevSetBlocked() throws IOException {
        Path dev = DevSet.require();
        Map<String, String> html = HtmlPages.read(dev.resolve("html"));
        JsonNode gold = JsonCodec.MAPPER.readTree(dev.resolve("ground-truth.json").toFile());
        PageInspector inspector = new PageInspector(MIN_CHARS);
        ArticleExtractor extractor = new ArticleExtractor();
        Map<PageQuality, Integer> counts = new EnumMap<>(PageQuality.class);
        List<String> falseAlarms = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        int articles = 0;
        for (Map.Entry<String, JsonNode> entry : gold.properties()) {
            String body = html.get(entry.getKey());
            if (body == null) {
                continue;
            }
            String url = entry.getValue().path("url").asText("https://example.org/" + entry.getKey());
            Page page = new Page(url, url, url, "dev", Instant.EPOCH, 200, "text/html", "UTF-8", null, null,
                    ArticleId.sha256Hex(body), false, body);
            PageQuality quality = inspector.judge(page, extractor.extract(body, url));
            counts.merge(quality, 1, Integer::sum);
            if (quality == PageQuality.BLOCKED) {
                blocked.add(url + " (gold body " + entry.getValue().path("articleBody").asText("").length() + " chars)");
            }
            if (entry.getValue().path("articleBody").asText("").length() >= 2 * MIN_CHARS) {
                articles++;
                if (quality == PageQuality.BLOCKED) {
                    falseAlarms.add(url);
                }
            }
        }
        System.out.printf("page inspector on %d dev pages (%d with a gold body of %d+ characters): %s; blocked: %s%n",
                counts.values().stream().mapToInt(Integer::intValue).sum(), articles, 2 * MIN_CHARS, counts, blocked);
        assertEquals(List.of(), falseAlarms, "real articles judged blocked");
    }
}
