package io.newsflow.enrich.tag.country;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the tab-separated lists the country tagger ships (gazetteer, context words, homonym towns):
 * UTF-8, blank lines and {@code #} comments skipped, every other line checked for its columns so a
 * damaged list fails at start-up, naming the line, instead of tagging with half a list.
 */
final class WordLists {

    /** What a list does with each of its rows. */
    @FunctionalInterface
    interface Row {
        void accept(String[] fields) throws IOException;
    }

    private WordLists() {
    }

    /** Reads every row of a list, each with exactly {@code columns} fields and a non-empty last one. */
    static void read(InputStream in, int columns, String shape, Row row) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields.length != columns || fields[columns - 1].isEmpty()) {
                throw new IOException("bad line (want " + shape + "): " + line);
            }
            row.accept(fields);
        }
    }

    /** Reads a list shipped in the jar beside this class; a missing or damaged one is a build fault. */
    static void shipped(String resource, int columns, String shape, Row row) {
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("country tagger list missing from the classpath: " + resource);
            }
            read(in, columns, shape, row);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + e.getMessage(), e);
        }
    }
}
