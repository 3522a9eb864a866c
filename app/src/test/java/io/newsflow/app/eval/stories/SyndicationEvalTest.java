package io.newsflow.app.eval.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.tag.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyndicationEvalTest {

    @TempDir
    Path dir;

    @Test
    void countsEveryPairOfVersionsAndFindsTheCopiesOfOnePage() throws IOException {
        Path html = Files.createDirectories(dir.resolve("html"));
        try (InputStream in = SyndicationEvalTest.class.getResourceAsStream("/pages/china-north-korea-climate.html")) {
            // one page on each side of the split: ids starting 0-7 are development, 8-f held out
            byte[] page = in.readAllBytes();
            Files.write(html.resolve("0a.html"), page);
            Files.write(html.resolve("fa.html"), page);
        }
        Path gold = dir.resolve("gold.json");
        Files.writeString(gold, "{\"0a\": {\"url\": \"https://x.example/a\"}, \"fa\": {\"url\": \"https://x.example/b\"}}");
        Path sameEvent = dir.resolve("same-event.tsv");
        Files.writeString(sameEvent, "# two copies of one page, labelled as different stories to see them counted\n0a\tfa\tone\n");

        SyndicationEval.Result result = new SyndicationEval().run(html, gold, sameEvent, 0.4, 1);

        assertEquals(2, result.articles());
        assertEquals(3, result.dev().documents(), "the original and its two copies");
        assertEquals(3, result.dev().pairs());
        assertEquals(3, result.dev().positives());
        assertEquals(1.0, result.dev().recall());
        assertEquals(3, result.heldOut().positives());
        assertEquals(9, result.sameEventPairs(), "3 x 3 versions of the labelled pair");
        assertEquals(9, result.sameEventMerged(), "identical pages are merged, whatever the label says");
    }

    @Test
    void benchmarkPagesMeetTheGoals() throws IOException {
        Path html = SharedData.require("data/extraction/aeb-dev/html");
        Path gold = SharedData.require("data/extraction/aeb-dev/ground-truth.json");

        SyndicationEval.Result result = new SyndicationEval().run(html, gold, null, 0.4, 19);

        assertTrue(result.heldOut().precision() >= 0.99, "held-out precision " + result.heldOut());
        assertTrue(result.heldOut().recall() >= 0.95, "held-out recall " + result.heldOut());
        assertEquals(0, result.sameEventMerged(), "different stories on one event stay apart");
    }
}
