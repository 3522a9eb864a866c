package io.newsflow.enrich.tag;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the public data beside the repository ({@code ../shared}), or skips the test that needs it. */
public final class SharedData {

    private SharedData() {
    }

    /** The file at {@code relative} under {@code shared/}; skips the calling test when it is absent. */
    public static Path require(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve(relative);
            if (Files.isDirectory(dir.resolve("shared").resolve("data")) && Files.isReadable(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        assumeTrue(false, "shared data not found (../shared/" + relative + "): skipping");
        throw new IllegalStateException("unreachable");
    }
}
