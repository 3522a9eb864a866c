package io.newsflow.app.eval.extraction;

import io.newsflow.core.progress.Progress;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.HtmlPages;
import io.newsflow.enrich.extract.Extraction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs the extractor over saved pages and scores the bodies against a gold file in the format of
 * the public article-extraction-benchmark: {@code {id: {"articleBody": ..., "url": ...}}}.
 */
public final class ExtractionEval {

    private final ArticleExtractor extractor = new ArticleExtractor();

    /** The corpus figures, plus each page's F1 (worst first) for looking at failures. */
    public record Result(int pages, double precision, double recall, double f1, double accuracy,
                         double pagesPerSecond, List<PageResult> worst) {

        public Result {
            worst = List.copyOf(requireNonNull(worst, "worst"));
        }
    }

    /** One page's score. */
    public record PageResult(String id, String url, double f1, double precision, double recall) {
    }

    /**
     * Scores every page of the gold file; a gold page without its HTML counts as an empty
     * extraction, as in the reference scorer.
     *
     * @param outDir if not null, receives {@code <id>.txt} (the body) and {@code <id>.json} (the metadata)
     */
    public Result run(Path htmlDir, Path goldFile, @Nullable Path outDir) throws IOException {
        requireNonNull(htmlDir, "htmlDir");
        requireNonNull(goldFile, "goldFile");
        Map<String, String> html = HtmlPages.read(htmlDir);
        JsonNode gold = JsonCodec.MAPPER.readTree(goldFile.toFile());
        if (outDir != null) {
            Files.createDirectories(outDir);
        }
        AebScore score = new AebScore();
        List<PageResult> pages = new ArrayList<>();
        long nanos = 0;
        int extracted = 0;
        try (Progress progress = Progress.toStderr("eval extraction", gold.size())) {
            for (Map.Entry<String, JsonNode> entry : gold.properties()) {
                progress.advance(1);
                String id = entry.getKey();
                String url = entry.getValue().path("url").asText("");
                String page = html.get(id);
                Extraction extraction = null;
                if (page != null) {
                    long start = System.nanoTime();
                    extraction = extractor.extract(page, url);
                    nanos += System.nanoTime() - start;
                    extracted++;
                }
                String text = extraction == null ? "" : extraction.text();
                AebScore.PageCounts counts = score.add(entry.getValue().path("articleBody").asText(""), text);
                pages.add(new PageResult(id, url, counts.f1(), counts.precision(), counts.recall()));
                if (outDir != null) {
                    Files.writeString(outDir.resolve(id + ".txt"), text, StandardCharsets.UTF_8);
                    if (extraction != null) {
                        ObjectNode meta = JsonCodec.MAPPER.valueToTree(extraction);
                        meta.remove("text");
                        Files.write(outDir.resolve(id + ".json"), JsonCodec.MAPPER.writeValueAsBytes(meta));
                    }
                }
            }
        }
        pages.sort(Comparator.comparingDouble(PageResult::f1));
        AebScore.Score s = score.score();
        double perSecond = nanos == 0 ? 0 : extracted / (nanos / 1e9);
        return new Result(s.pages(), s.precision(), s.recall(), s.f1(), s.accuracy(), perSecond, pages);
    }
}
