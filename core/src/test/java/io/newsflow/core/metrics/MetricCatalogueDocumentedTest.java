package io.newsflow.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The metric table of docs/operations.md is the catalogue, rendered. When a metric changes, run
 * this test with {@code -Dnewsflow.docs.write=true} to rewrite the table, and commit the docs.
 */
class MetricCatalogueDocumentedTest {

    private static final String BEGIN = "<!-- metric catalogue: generated from MetricNames by MetricCatalogueDocumentedTest -->";
    private static final String END = "<!-- end of metric catalogue -->";

    @Test
    void docsTableIsTheCatalogue() throws IOException {
        Path docs = projectRoot().resolve("docs/operations.md");
        String text = Files.readString(docs);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "docs/operations.md lacks the markers " + BEGIN + " ... " + END);
        String documented = text.substring(begin + BEGIN.length(), end);
        String expected = "\n" + table() + "\n";
        if (Boolean.getBoolean("newsflow.docs.write")) {
            Files.writeString(docs, text.substring(0, begin + BEGIN.length()) + expected + text.substring(end));
            documented = expected;
        }
        assertEquals(expected, documented,
                "docs/operations.md's metric table differs from MetricNames; rerun with -Dnewsflow.docs.write=true");
    }

    @Test
    void noTwoMetricsShareAPrometheusName() {
        assertEquals(MetricNames.catalogue().size(),
                MetricNames.catalogue().stream().map(MetricDefinition::prometheusName).distinct().count());
    }

    private static String table() {
        StringBuilder table = new StringBuilder("""
                | metric | Prometheus series | type | unit | labels | meaning (HELP) |
                |---|---|---|---|---|---|
                """);
        for (MetricDefinition metric : MetricNames.catalogue()) {
            table.append("| `").append(metric.name()).append("` | ").append(metric.seriesNames().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))).append(" | ")
                    .append(metric.kind().label()).append(" | ").append(unit(metric)).append(" | ")
                    .append(metric.labels().stream().map(l -> "`" + l + "`").collect(Collectors.joining(", ")))
                    .append(" | ").append(metric.help()).append(" |\n");
        }
        return table.toString();
    }

    private static String unit(MetricDefinition metric) {
        if (metric.kind() == MetricKind.TIMER || metric.kind() == MetricKind.TIMER_HISTOGRAM) {
            return "seconds";
        }
        return metric.baseUnit() == null ? "" : metric.baseUnit();
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir;
    }
}
