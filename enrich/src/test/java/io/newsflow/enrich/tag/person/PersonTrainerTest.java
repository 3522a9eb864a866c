package io.newsflow.enrich.tag.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonTrainerTest {

    @TempDir
    Path dir;

    private static final String CORPUS = """
            -DOCSTART- O

            John B-PER
            Smith I-PER
            visited O
            Paris B-LOC
            . O

            Smith B-PER
            met O
            Mary B-PER
            Jones I-PER
            in O
            Berlin B-LOC
            . O

            The O
            bank O
            said O
            Anna B-PER
            Berg I-PER
            left O
            London B-LOC
            . O
            """;

    @Test
    void trainsAModelThatLoadsAndTagsItsTrainingSentences() throws IOException {
        Path conll = dir.resolve("train.txt");
        Files.writeString(conll, CORPUS);
        Path model = dir.resolve("model.gz");
        PersonTrainer.Result result = new PersonTrainer(10, 1).train(List.of(conll), List.of(), model);
        assertEquals(1, result.documents());
        assertEquals(20, result.tokens());
        assertTrue(result.features() > 0);
        assertEquals(Files.size(model), result.modelBytes());
        List<List<String>> tags = PersonTagger.load(model).tags(List.of(List.of("John", "Smith", "visited", "Paris", ".")));
        assertEquals(List.of("B-PER", "I-PER", "O", "B-LOC", "O"), tags.get(0));
    }

    @Test
    void trainsTheSameModelTwiceFromTheSameSeed() throws IOException {
        Path conll = dir.resolve("train.txt");
        Files.writeString(conll, CORPUS);
        new PersonTrainer(3, 7).train(List.of(conll), List.of(), dir.resolve("a.gz"));
        new PersonTrainer(3, 7).train(List.of(conll), List.of(), dir.resolve("b.gz"));
        assertEquals(-1, Files.mismatch(dir.resolve("a.gz"), dir.resolve("b.gz")));
    }
}
