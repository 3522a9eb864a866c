package io.newsflow.enrich.tag.person;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL column files: one token a line with the tag in the last column, blank lines between
 * sentences, {@code -DOCSTART-} lines between documents. WikiANN's {@code en:} token prefix is
 * dropped. A file without {@code -DOCSTART-} lines is read as one document per sentence, since its
 * sentences are unrelated. Lines without a tag are counted in {@link #skippedLines}, not fatal.
 */
public final class ConllCorpus {

    /** One sentence: tokens and their tags as written (IOB1 or IOB2). */
    public record Sentence(List<String> tokens, List<String> tags) {

        public Sentence {
            tokens = List.copyOf(tokens);
            tags = List.copyOf(tags);
            if (tokens.size() != tags.size()) {
                throw new IllegalArgumentException("tokens and tags differ in length");
            }
        }
    }

    private final List<List<Sentence>> documents;
    private final int skippedLines;

    private ConllCorpus(List<List<Sentence>> documents, int skippedLines) {
        this.documents = documents;
        this.skippedLines = skippedLines;
    }

    public List<List<Sentence>> documents() {
        return documents;
    }

    public int skippedLines() {
        return skippedLines;
    }

    public int tokens() {
        int n = 0;
        for (List<Sentence> document : documents) {
            for (Sentence s : document) {
                n += s.tokens().size();
            }
        }
        return n;
    }

    /** A document as article text: tokens joined by spaces, sentences by a blank line (the tokeniser's sentence end). */
    public static String text(List<Sentence> document) {
        StringBuilder text = new StringBuilder();
        for (Sentence s : document) {
            text.append(String.join(" ", s.tokens())).append("\n\n");
        }
        return text.toString();
    }

    public static ConllCorpus read(Path file) throws IOException {
        List<List<Sentence>> documents = new ArrayList<>();
        List<Sentence> document = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        boolean sawDocStart = false;
        int skipped = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    endSentence(document, tokens, tags);
                    continue;
                }
                if (trimmed.startsWith("-DOCSTART-")) {
                    sawDocStart = true;
                    endSentence(document, tokens, tags);
                    if (!document.isEmpty()) {
                        documents.add(document);
                        document = new ArrayList<>();
                    }
                    continue;
                }
                String[] columns = trimmed.split("[ \t]+");
                if (columns.length < 2) {
                    skipped++;
                    continue;
                }
                String token = columns[0].startsWith("en:") && columns[0].length() > 3
                        ? columns[0].substring(3) : columns[0];
                tokens.add(token);
                tags.add(columns[columns.length - 1]);
            }
        }
        endSentence(document, tokens, tags);
        if (!document.isEmpty()) {
            documents.add(document);
        }
        if (!sawDocStart) {
            List<List<Sentence>> single = new ArrayList<>();
            for (List<Sentence> d : documents) {
                for (Sentence s : d) {
                    single.add(List.of(s));
                }
            }
            documents = single;
        }
        return new ConllCorpus(documents, skipped);
    }

    private static void endSentence(List<Sentence> document, List<String> tokens, List<String> tags) {
        if (!tokens.isEmpty()) {
            document.add(new Sentence(tokens, tags));
            tokens.clear();
            tags.clear();
        }
    }
}
