package io.newsflow.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The HTML pages a benchmark serves: every {@code .html} or {@code .html.gz} file of a directory. */
public final class BenchPages {

    private BenchPages() {
    }

    /** Reads the pages of {@code dir} in name order, decompressing {@code .gz} files. */
    public static List<byte[]> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir);
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<byte[]> pages = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".html")) {
                    pages.add(Files.readAllBytes(file));
                } else if (name.endsWith(".html.gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                        pages.add(in.readAllBytes());
                    }
                }
            }
            if (pages.isEmpty()) {
                throw new IllegalArgumentException("no .html or .html.gz files in " + dir);
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pages from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Decodes a page as the fetcher would for a UTF-8 response. */
    public static String text(byte[] page) {
        return new String(page, StandardCharsets.UTF_8);
    }
}
