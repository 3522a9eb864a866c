package io.newsflow.enrich;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The public extraction dev set (126 real news pages and their gold), which sits beside the repository, not in it. */
public final class DevSet {

    private DevSet() {
    }

    /** {@code shared/data/extraction/aeb-dev} in the working directory or an ancestor (tests run in the module directory), or null. */
    public static @Nullable Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data/extraction/aeb-dev");
            if (Files.isRegularFile(candidate.resolve("ground-truth.json")) && Files.isDirectory(candidate.resolve("html"))) {
                return candidate;
            }
        }
        return null;
    }
}
