package io.newsflow.enrich.tag.person;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConllCorpusTest {

    @TempDir
    Path dir;

    @Test
    void readsDocumentsSeparatedByDocstartAndCountsLinesWithoutTags() throws IOException {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, """
                -DOCSTART- -X- -X- O

                Peter NNP B-NP B-PER
                Blackburn NNP I-NP I-PER

                broken

                -DOCSTART- -X- -X- O

                Paris NNP B-NP B-LOC
                """);
        ConllCorpus corpus = ConllCorpus.read(file);
        assertEquals(2, corpus.documents().size());
        assertEquals(List.of("Peter", "Blackburn"), corpus.documents().get(0).get(0).tokens());
        assertEquals(List.of("B-PER", "I-PER"), corpus.documents().get(0).get(0).tags());
        assertEquals(1, corpus.skippedLines());
        assertEquals(3, corpus.tokens());
    }

    @Test
    void readsWikiannTabColumnsAsOneDocumentPerSentence() throws IOException {
        Path file = dir.resolve("wikiann.txt");
        Files.writeString(file, "en:Anders\tB-PER\nen:Lindström\tI-PER\n\nen:Oslo\tB-LOC\n");
        ConllCorpus corpus = ConllCorpus.read(file);
        assertEquals(2, corpus.documents().size());
        assertEquals(List.of("Anders", "Lindström"), corpus.documents().get(0).get(0).tokens());
    }

    @Test
    void rewritesIob1AsIob2() {
        int[] labels = Labels.toIob2(List.of("I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"));
        assertEquals(List.of("B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"),
                java.util.Arrays.stream(labels).mapToObj(Labels.ALL::get).toList());
    }
}
