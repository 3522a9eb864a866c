package io.newsflow.enrich.tag.country;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContextWordsTest {

    private static ContextWords read(String text) throws IOException {
        return ContextWords.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsListsAndSkipsComments() throws IOException {
        ContextWords words = read("# source: made up\nheads-after\tRoad\nheads-after\tToday\n\ngovernment\tSenate\n");
        assertEquals(Set.of("Road", "Today"), words.list("heads-after"));
        assertEquals(Set.of("Senate"), words.list("government"));
    }

    @Test
    void rejectsALineWithoutAWordAndAnUnknownList() throws IOException {
        assertThrows(IOException.class, () -> read("heads-after Road\n"));
        ContextWords words = read("heads-after\tRoad\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> words.list("heads-before"));
        assertTrue(e.getMessage().contains("heads-before"), e.getMessage());
    }

    @Test
    void shippedFileNamesItsSourceAndLicence() {
        ContextWords shipped = ContextWords.shipped();
        assertTrue(shipped.list("function-words").contains("of"));
        String header = new String(readHeader(), StandardCharsets.UTF_8);
        assertTrue(header.contains("Source:") && header.contains("Licence:"), header);
    }

    private static byte[] readHeader() {
        try (var in = ContextWords.class.getResourceAsStream(ContextWords.RESOURCE)) {
            return in.readNBytes(600);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shippedGeneratedListsComeFromWordNet() {
        ContextWords shipped = ContextWords.shipped();
        assertTrue(shipped.list("thing-heads").contains("food"));
        assertTrue(shipped.list("thing-heads").contains("sausages"));
        assertFalse(shipped.list("thing-heads").contains("officials"));
        assertTrue(shipped.list("speech-verbs").contains("said"));
        assertTrue(shipped.list("speech-verbs").contains("warned"));
        assertTrue(shipped.list("speech-lemmas").contains("say"));
    }
}
