package io.newsflow.enrich.tag.country;

import io.newsflow.enrich.tag.text.Token;
import io.newsflow.enrich.tag.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Tokens as the gazetteer matches them: the article's tokens split again at hyphens and slashes,
 * so "U.S.-China" and "Russia-Ukraine" each yield two names, and curly apostrophes made straight.
 */
final class CountryTokens {

    /** One matchable piece with its key and character offsets. */
    record Piece(String key, int start, int end, int token) {
    }

    private CountryTokens() {
    }

    static List<Piece> pieces(String surface) {
        List<Piece> out = new ArrayList<>();
        for (List<Token> sentence : Tokenizer.sentences(surface)) {
            split(sentence, out);
        }
        return out;
    }

    static List<Piece> split(List<Token> sentence, List<Piece> out) {
        for (int ti = 0; ti < sentence.size(); ti++) {
            Token t = sentence.get(ti);
            String text = t.text();
            int from = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == '-' || text.charAt(i) == '/') {
                    if (i > from) {
                        out.add(new Piece(text.substring(from, i).replace('\u2019', '\''), t.start() + from,
                                t.start() + i, ti));
                    }
                    from = i + 1;
                }
            }
        }
        return out;
    }
}
