package io.newsflow.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metric table in README.md lists every metric of the catalogue. */
class MetricNamesDocumentedTest {

    @Test
    void everyMetricHasARowInTheReadme() throws IOException, IllegalAccessException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        String doc = Files.readString(dir.resolve("README.md"));
        List<String> missing = new ArrayList<>();
        for (Field field : MetricNames.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String name = (String) field.get(null);
                if (name.startsWith("newsflow.") && !doc.contains("| `" + name + "` |")) {
                    missing.add(field.getName() + " = " + name);
                }
            }
        }
        assertEquals(List.of(), missing, "metrics without a row in README.md");
    }
}
