package io.newsflow.app.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.app.testing.RepositoryFiles;
import io.newsflow.app.testing.Promtool;
import io.newsflow.core.metrics.MetricDefinition;
import io.newsflow.core.metrics.MetricNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The alert rules of {@code docker/prometheus/alerts.yml}: valid for Prometheus, unit-tested with
 * {@code promtool test rules} (every rule fires in one case and stays quiet in another), reading
 * only metrics that exist, loaded by the compose Prometheus, and each with its runbook section.
 */
class AlertRulesTest {

    private static final Path ROOT = RepositoryFiles.ROOT;
    private static final Path PROMETHEUS = ROOT.resolve("docker/prometheus");
    private static final Pattern SELECTOR = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{([^}]*)})?");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    /** Labels Prometheus adds to every scraped series. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    private final Map<String, JsonNode> rules = rules();

    @Test
    void promtoolFindsTheRulesValid() throws Exception {
        Optional<Promtool> promtool = Promtool.find();
        assumeTrue(promtool.isPresent(), Promtool.ABSENT);

        Promtool.Result result = promtool.get().run("", "check", "rules", PROMETHEUS.resolve("alerts.yml").toString());

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS: " + rules.size() + " rules found"), result.output());
    }

    @Test
    void promtoolUnitTestsOfTheRulesPass() throws Exception {
        Optional<Promtool> promtool = Promtool.find();
        assumeTrue(promtool.isPresent(), Promtool.ABSENT);

        Promtool.Result result = promtool.get().run("", "test", "rules", PROMETHEUS.resolve("alerts.test.yml").toString());

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    @Test
    void everyRuleHasACaseWhereItFiresAndOneWhereItStaysQuiet() {
        Set<String> fires = new HashSet<>();
        Set<String> quiet = new HashSet<>();
        for (JsonNode test : read("alerts.test.yml").path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                String alert = check.path("alertname").asText();
                assertTrue(rules.containsKey(alert), "alerts.test.yml tests " + alert + ", which alerts.yml does not define");
                (check.path("exp_alerts").isEmpty() ? quiet : fires).add(alert);
            }
        }
        assertEquals(rules.keySet(), fires, "rules with a case in which they fire");
        assertEquals(rules.keySet(), quiet, "rules with a case in which they stay quiet");
    }

    @Test
    void everyRuleHasASeveritySummaryAndARunbookSection() throws IOException {
        Set<String> anchors = headingAnchors(ROOT.resolve("docs/operations.md"));
        List<String> problems = new ArrayList<>();
        rules.forEach((alert, rule) -> {
            String severity = rule.path("labels").path("severity").asText();
            if (!Set.of("critical", "warning").contains(severity)) {
                problems.add(alert + " has severity '" + severity + "'");
            }
            String summary = rule.path("annotations").path("summary").asText();
            if (!summary.matches(".*(\\{\\{ \\$labels\\.(stage|source|job|check) }}|ingest stage|sink stage).*")) {
                problems.add(alert + ": summary '" + summary + "' names no stage, source or check");
            }
            String runbook = rule.path("annotations").path("runbook_url").asText();
            if (!runbook.equals("docs/operations.md#" + alert.toLowerCase(Locale.ROOT))) {
                problems.add(alert + ": runbook_url '" + runbook + "' is not its section of docs/operations.md");
            } else if (!anchors.contains(alert.toLowerCase(Locale.ROOT))) {
                problems.add(alert + ": docs/operations.md has no section '" + alert + "'");
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void rulesReadOnlyCataloguedMetricsWithTheirLabels() {
        Map<String, MetricDefinition> series = new LinkedHashMap<>();
        for (MetricDefinition metric : MetricNames.catalogue()) {
            metric.seriesNames().forEach(name -> series.put(name, metric));
        }
        List<String> problems = new ArrayList<>();
        rules.forEach((alert, rule) -> {
            Matcher selector = SELECTOR.matcher(rule.path("expr").asText());
            while (selector.find()) {
                String name = selector.group(1);
                if (name.startsWith("newsflow_")) {
                    MetricDefinition metric = series.get(name);
                    if (metric == null) {
                        problems.add(alert + " reads " + name + ", which is not in the catalogue");
                        continue;
                    }
                    Set<String> labels = new HashSet<>(metric.labels());
                    labels.addAll(TARGET_LABELS);
                    if (name.endsWith("_bucket")) {
                        labels.add("le");
                    }
                    Matcher matcher = MATCHER.matcher(selector.group(3) == null ? "" : selector.group(3));
                    while (matcher.find()) {
                        if (!labels.contains(matcher.group(1))) {
                            problems.add(alert + " matches label " + matcher.group(1) + " of " + name + ", which has " + labels);
                        }
                    }
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void composePrometheusLoadsTheRules() {
        JsonNode files = read("prometheus.yml").path("rule_files");
        assertEquals("[\"alerts.yml\"]", files.toString());
        JsonNode volumes = RepositoryFiles.yaml(ROOT.resolve("docker/compose.yaml")).path("services").path("prometheus").path("volumes");
        assertTrue(volumes.toString().contains("\"./prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro\""),
                "compose mounts alerts.yml beside prometheus.yml: " + volumes);
        assertTrue(volumes.toString().contains("\"./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro\""), volumes.toString());
    }

    /** alert name -> rule, over every group. */
    private static Map<String, JsonNode> rules() {
        Map<String, JsonNode> rules = new LinkedHashMap<>();
        for (JsonNode group : read("alerts.yml").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                String alert = rule.path("alert").asText();
                assertFalse(alert.isEmpty(), "a rule without an alert name: " + rule);
                assertTrue(rules.put(alert, rule) == null, alert + " is defined twice");
            }
        }
        assertFalse(rules.isEmpty(), "alerts.yml has no rules");
        return rules;
    }

    /** The anchors Markdown renderers give the headings of a file: lower case, punctuation dropped, spaces as dashes. */
    private static Set<String> headingAnchors(Path markdown) throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT);
                anchors.add(title.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    private static JsonNode read(String file) {
        return RepositoryFiles.yaml(PROMETHEUS.resolve(file));
    }
}
