package io.newsflow.app.eval.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.tag.SharedData;
import io.newsflow.enrich.tag.person.PersonTagger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonEvalTest {

    @TempDir
    Path dir;

    @Test
    void readsChunksFromIob1AndIob2Alike() {
        assertEquals(Set.of(List.of(0, 2), List.of(2, 3)), PersonEval.chunks(List.of("I-PER", "I-PER", "B-PER", "O"), "PER"));
        assertEquals(Set.of(List.of(0, 2), List.of(2, 3)), PersonEval.chunks(List.of("B-PER", "I-PER", "B-PER", "O"), "PER"));
        assertEquals(Set.of(List.of(1, 2)), PersonEval.chunks(List.of("B-LOC", "I-PER", "I-LOC"), "PER"));
    }

    @Test
    void scoresExactSpansDocumentByDocument() throws IOException {
        Path file = dir.resolve("gold.txt");
        Files.writeString(file, """
                -DOCSTART- -X- -X- O

                Secretary NNP B-NP O
                Rex NNP I-NP B-PER
                Tillerson NNP I-NP I-PER
                met VBD B-VP O
                Yang NNP B-NP B-PER
                Jiechi NNP I-NP I-PER
                in IN B-PP O
                Beijing NNP B-NP B-LOC
                . . O O

                Tillerson NNP B-NP B-PER
                left VBD B-VP O
                . . O O
                """);
        PersonEval.Result result = PersonEval.run(PersonTagger.shipped(), file);
        assertEquals(3, result.gold());
        assertEquals(1.0, result.f1());
        assertEquals(12, result.tokens());
        assertEquals(1, result.documents());
    }

    @Test
    void meetsTheDevelopmentTargetOnConll2003Validation() throws IOException {
        PersonEval.Result result = PersonEval.run(PersonTagger.shipped(), SharedData.require("data/ner/conll2003-dev.txt"));
        assertTrue(result.f1() >= 0.94, "PER F1 " + result.f1());
    }
}
