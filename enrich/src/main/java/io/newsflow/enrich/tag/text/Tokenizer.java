package io.newsflow.enrich.tag.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into sentences of tokens the way CoNLL-2003 was tokenised, so the person model sees
 * at run time what it saw in training: punctuation apart, possessive {@code 's} apart, hyphenated
 * words whole, abbreviations ("U.S.", "Mr.") keep their period.
 */
public final class Tokenizer {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt",
            "st", "jr", "sr", "rev", "hon", "pres", "co", "corp", "inc", "ltd", "no", "vs", "mt", "ft",
            "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
            "e.g", "i.e", "adm", "gens", "cmdr", "supt", "messrs", "ave", "blvd", "ga", "fla", "calif", "pa",
            "wash", "va", "mass", "conn", "ill", "mich", "tex", "ariz", "colo", "ky", "la", "md", "minn",
            "mo", "nev", "okla", "ore", "tenn", "wis", "ala", "ark", "del", "kan", "neb");

    private Tokenizer() {
    }

    /** Sentences of tokens; a sentence ends at . ! ? before a capital or at a blank line. */
    public static List<List<Token>> sentences(String text) {
        List<List<Token>> sentences = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                // a blank line ends a paragraph; a single line break inside one is only wrapping
                int next = i + 1;
                while (next < n && text.charAt(next) != '\n' && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                if (next < n && text.charAt(next) == '\n') {
                    flush(sentences, current);
                    current = new ArrayList<>();
                }
                i = next;
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                continue;
            }
            int end;
            if (Character.isLetterOrDigit(c)) {
                end = wordEnd(text, i);
            } else {
                end = i + 1;
                if (isApostrophe(c) && end < n && (text.charAt(end) == 's' || text.charAt(end) == 'S')
                        && (end + 1 >= n || !Character.isLetterOrDigit(text.charAt(end + 1)))) {
                    end++;
                }
            }
            String word = text.substring(i, end);
            current.add(new Token(word, i, end));
            if (end - i == 1 && (c == '.' || c == '!' || c == '?') && sentenceEnds(text, end)) {
                flush(sentences, current);
                current = new ArrayList<>();
            }
            i = end;
        }
        flush(sentences, current);
        return sentences;
    }

    private static int wordEnd(String text, int start) {
        int n = text.length();
        int i = start + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '\u00AD') {
                i++;
            } else if ((c == '-' || c == '.' || c == '&' || c == '\'' || c == '\u2019' || c == ',' || c == '/')
                    && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
                // inner punctuation joins: "Jong-un", "U.S", "AT&T", "O'Neill", "1,000", "3.5"; a comma
                // or slash only between digits
                if ((c == ',' || c == '/') && !(Character.isDigit(text.charAt(i - 1))
                        && Character.isDigit(text.charAt(i + 1)))) {
                    break;
                }
                if (isApostrophe(c) && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                        && (i + 2 >= n || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
                    break;
                }
                i++;
            } else {
                break;
            }
        }
        if (i < n && text.charAt(i) == '.') {
            String word = text.substring(start, i);
            if (word.indexOf('.') >= 0 || (word.length() == 1 && Character.isUpperCase(word.charAt(0)))
                    || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT))) {
                i++;
            }
        }
        return i;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private static boolean sentenceEnds(String text, int after) {
        int n = text.length();
        int i = after;
        while (i < n && (text.charAt(i) == '"' || text.charAt(i) == '\u201D' || text.charAt(i) == ')'
                || text.charAt(i) == '\'' || text.charAt(i) == '\u2019')) {
            i++;
        }
        if (i >= n) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(i))) {
            return false;
        }
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i >= n || !Character.isLowerCase(text.charAt(i));
    }

    private static void flush(List<List<Token>> sentences, List<Token> current) {
        if (!current.isEmpty()) {
            sentences.add(current);
        }
    }
}
