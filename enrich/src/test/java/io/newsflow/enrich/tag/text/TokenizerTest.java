package io.newsflow.enrich.tag.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    private static List<String> words(String text) {
        return Tokenizer.sentences(text).stream().flatMap(List::stream).map(Token::text).toList();
    }

    @Test
    void splitsPossessivesAndPunctuationButKeepsAbbreviationsAndHyphenatedNames() {
        assertEquals(List.of("Mr.", "Trump", "\u2019s", "U.S.", "visit", "to", "Kim", "Jong-un", ",", "O'Neill",
                "'s", "1,000", "men", "."), words("Mr. Trump\u2019s U.S. visit to Kim Jong-un, O'Neill's 1,000 men."));
    }

    @Test
    void offsetsIndexTheText() {
        String text = "  Rex Tillerson (L) met\nYang Jiechi.";
        List<String> words = new ArrayList<>();
        for (List<Token> sentence : Tokenizer.sentences(text)) {
            for (Token t : sentence) {
                assertEquals(t.text(), text.substring(t.start(), t.end()));
                words.add(t.text());
            }
        }
        assertTrue(words.containsAll(List.of("Rex", "Tillerson", "met", "Yang", "Jiechi")), words.toString());
    }

    @Test
    void endsSentencesAtFullStopsBeforeCapitalsAndAtBlankLinesOnly() {
        List<List<Token>> sentences = Tokenizer.sentences("He left. She stayed\nin town\n\nNew paragraph e.g. here");
        assertEquals(3, sentences.size());
        assertEquals("He", sentences.get(0).get(0).text());
        assertEquals(List.of("She", "stayed", "in", "town"), sentences.get(1).stream().map(Token::text).toList());
        assertEquals(List.of("New", "paragraph", "e.g.", "here"), sentences.get(2).stream().map(Token::text).toList());
    }
}
