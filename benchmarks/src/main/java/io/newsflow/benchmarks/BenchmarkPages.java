package io.newsflow.benchmarks;

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

/** Pages the benchmarks run on: the public extraction benchmark's pages, read from {@code ../shared}. */
final class BenchmarkPages {

    /** Relative to the repository root, where the documented command runs. */
    static final String DEFAULT_DIR = "../shared/data/extraction/aeb-dev/html";

    private BenchmarkPages() {
    }

    static List<String> load(String dir) {
        Path path = Path.of(dir);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("benchmark pages not found at " + path.toAbsolutePath()
                    + "; run from the repository root or pass -p dir=DIR");
        }
        try (Stream<Path> files = Files.list(path)) {
            List<String> pages = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".html.gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                        pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                } else if (name.endsWith(".html")) {
                    pages.add(Files.readString(file));
                }
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
