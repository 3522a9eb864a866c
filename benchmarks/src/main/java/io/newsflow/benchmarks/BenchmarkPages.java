package io.newsflow.benchmarks;

import io.newsflow.enrich.extract.HtmlPages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        try {
            return List.copyOf(HtmlPages.read(path).values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
