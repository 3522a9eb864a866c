package io.newsflow.app.eval.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.enrich.tag.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountryEvalTest {

    @TempDir
    Path dir;

    @Test
    void scoresDocumentCountryPairsAndCountsBadLines() throws IOException {
        Path file = dir.resolve("gold.jsonl");
        Files.writeString(file, """
                {"id":"1","text":"France and Germany met in Paris.","countries":["FR","DE"]}
                {"id":"2","text":"Voters in New Mexico went to the polls.","countries":["MX"]}
                not json
                """);
        CountryEval.Result result = CountryEval.run(ArticleTagger.shipped(), file);
        assertEquals(2, result.documents());
        assertEquals(1, result.skippedLines());
        assertEquals(1.0, result.precision());
        assertEquals(0.6667, result.recall());
        assertNull(result.mentionF1());
    }

    @Test
    void scoresMentionsByOverlapWithGoldOfTheSameCountry() throws IOException {
        Path file = dir.resolve("gold.jsonl");
        Files.writeString(file, """
                {"id":"1","text":"Chinese officials met in Beijing, a town in Ohio.","countries":["CN"],"mentions":[\
                {"start":0,"end":7,"country":"CN"},{"start":25,"end":32,"country":"CN","fcode":"PPLC"},\
                {"start":43,"end":47,"country":"US","fcode":"ADM1"}]}
                """);
        CountryEval.Result result = CountryEval.run(ArticleTagger.shipped(), file);
        assertEquals(1.0, result.mentionPrecision());
        assertEquals(1.0, result.mentionRecall());
    }

    @Test
    void writesOneErrorLinePerWrongDocumentWithMissesAndFalseHitsInContext() throws IOException {
        Path file = dir.resolve("gold.jsonl");
        Files.writeString(file, """
                {"id":"right","text":"France and Germany met in Paris.","countries":["FR","DE"]}
                {"id":"wrong","text":"Talks in Lima ended. Kenya sent no one.","countries":["KE","TZ"],"mentions":[\
                {"start":21,"end":26,"country":"KE"},{"start":0,"end":5,"country":"TZ"}]}
                """);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            CountryEval.run(ArticleTagger.shipped(), file, out);
        }
        String lines = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, lines.lines().count(), lines);
        assertTrue(lines.contains("\"id\":\"wrong\""), lines);
        assertTrue(lines.contains("\"missed\":{\"TZ\":[\"Talks\"]}"), lines);
        assertTrue(lines.contains("\"falseHits\":{\"PE\":[\"Talks in [Lima] ended. Kenya sent no one.\"]}"), lines);
    }

    @Test
    void meetsTheDevelopmentTargetOnTrNews() throws IOException {
        CountryEval.Result result = CountryEval.run(ArticleTagger.shipped(),
                SharedData.require("data/countries/trnews-dev.jsonl"));
        assertTrue(result.f1() >= 0.93, "country F1 " + result.f1());
    }
}
