package io.newsflow.enrich;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The public extraction dev set (126 real news pages and their gold), which sits beside the repository, not in it. */
public final class DevSet {

    private DevSet() {
    }

    /** The dev set's directory; the calling test is skipped, saying why, when it is absent (as in a user's clone). */
    public static Path require() {
        Path dev = find();
        assumeTrue(dev != null, "skipped: shared/data/extraction/aeb-dev not found next to the repository "
                + "(the public dev pages are not part of the repo)");
        return dev;
    }

    /** {@code shared/data/extraction/aeb-dev} in the working directory or an ancestor (tests run in the module directory), or null. */
    private static @Nullable Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/extraction/aeb-dev");
            if (Files.isRegularFile(candidate.resolve("ground-truth.json")) && Files.isDirectory(candidate.resolve("html"))) {
                return candidate;
            }
        }
        return null;
    }
}
