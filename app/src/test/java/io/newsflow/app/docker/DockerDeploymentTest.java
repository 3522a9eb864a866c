package io.newsflow.app.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.app.testing.RepositoryFiles;
import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import io.newsflow.core.config.NewsflowConfig;
import io.newsflow.core.metrics.MetricDefinition;
import io.newsflow.core.metrics.MetricNames;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.IngestConfig;
import io.newsflow.sink.SinkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of {@code docker/} without a Docker engine: the files parse, every setting
 * they give newsflow is a key a stage defines, and Prometheus and Grafana point at what exists.
 */
class DockerDeploymentTest {

    private static final Path DOCKER = RepositoryFiles.ROOT.resolve("docker");
    private static final List<String> STAGES = List.of("ingest", "enrich", "sink");
    private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");

    private final JsonNode compose = read("compose.yaml");
    private final JsonNode services = compose.path("services");

    @Test
    void composeHasTheBrokersDatabaseStagesAndMonitoring() {
        for (String broker : BROKERS) {
            assertTrue(services.path(broker).path("image").asText().startsWith("apache/kafka:"), broker);
            assertEquals("broker,controller", services.path(broker).path("environment").path("KAFKA_PROCESS_ROLES").asText(), "KRaft");
        }
        assertTrue(services.path("postgres").path("image").asText().startsWith("postgres:"));
        assertTrue(services.path("prometheus").path("image").asText().startsWith("prom/prometheus:"));
        assertTrue(services.path("grafana").path("image").asText().startsWith("grafana/grafana:"));
        for (String stage : STAGES) {
            JsonNode service = services.path(stage);
            assertEquals(stage, service.path("command").path(0).asText(), stage + " runs its own stage");
            assertEquals("docker/Dockerfile", service.path("build").path("dockerfile").asText(), stage);
            assertEquals(2, service.path("scale").asInt(), stage + " runs two instances");
            assertEquals("service_completed_successfully", service.path("depends_on").path("topics").path("condition").asText(),
                    stage + " starts after the topics exist");
        }
        assertEquals("topics", services.path("topics").path("command").path(0).asText());
    }

    @Test
    void everyTopicIsReplicatedThriceAndWritesNeedTwoReplicas() {
        for (String broker : BROKERS) {
            JsonNode env = services.path(broker).path("environment");
            for (String key : List.of("KAFKA_DEFAULT_REPLICATION_FACTOR", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                    "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")) {
                assertEquals("3", env.path(key).asText(), broker + " " + key);
            }
            assertEquals("2", env.path("KAFKA_MIN_INSYNC_REPLICAS").asText(), broker);
            assertEquals("2", env.path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asText(), broker);
            assertEquals("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093", env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText(), broker);
        }
        for (String service : List.of("topics", "ingest", "enrich", "sink")) {
            JsonNode env = services.path(service).path("environment");
            assertEquals("3", env.path("NEWSFLOW_TOPICS_REPLICATION_FACTOR").asText(), service);
            assertEquals("2", env.path("NEWSFLOW_TOPICS_MIN_INSYNC_REPLICAS").asText(), service);
            assertEquals("kafka-1:29092,kafka-2:29092,kafka-3:29092", env.path("NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS").asText(), service);
        }
    }

    @Test
    void localOverrideSwapsImagesOfServicesThatExist() {
        JsonNode local = read("compose.local.yaml").path("services");
        for (Iterator<Map.Entry<String, JsonNode>> it = local.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            assertFalse(services.path(service.getKey()).isMissingNode(), "compose.local.yaml names " + service.getKey());
            assertTrue(service.getValue().path("image").asText().startsWith("newsflow/"), service.getKey());
        }
        for (String service : List.of("kafka-1", "kafka-2", "kafka-3", "postgres", "prometheus", "topics", "ingest", "enrich", "sink")) {
            assertFalse(local.path(service).isMissingNode(), service + " has no local image");
        }
    }

    @Test
    void scalableStagesPublishNoFixedPortOrName() {
        for (String stage : List.of("enrich", "sink")) {
            JsonNode service = services.path(stage);
            assertTrue(service.path("ports").isMissingNode(), stage + " publishes a host port, so --scale would clash");
            assertTrue(service.path("container_name").isMissingNode(), stage + " has a fixed container name");
            assertTrue(service.path("volumes").isMissingNode(), stage + " replicas would share a volume");
        }
    }

    @Test
    void everyNewsflowVariableIsAConfigKey() throws IOException {
        Set<String> keys = definedKeys();
        List<String> unknown = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            service.getValue().path("environment").fieldNames().forEachRemaining(name -> {
                if (name.startsWith("NEWSFLOW_") && !isKey(keys, name.toLowerCase(Locale.ROOT).replace('_', '.'))) {
                    unknown.add(service.getKey() + ": " + name);
                }
            });
        }
        // variables interpolated from the host's environment too: a NEWSFLOW_ name must mean a key
        Matcher interpolated = Pattern.compile("\\$\\{(NEWSFLOW_[A-Z0-9_]+)").matcher(Files.readString(DOCKER.resolve("compose.yaml")));
        while (interpolated.find()) {
            if (!isKey(keys, interpolated.group(1).toLowerCase(Locale.ROOT).replace('_', '.'))) {
                unknown.add("${" + interpolated.group(1) + "}");
            }
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void everyKeyOfTheContainerConfigFileIsDefinedAndValid() {
        NewsflowConfig config = NewsflowConfig.load(DOCKER.resolve("newsflow.yaml"), Map.of());
        Set<String> keys = definedKeys();
        for (String key : config.values().keySet()) {
            assertTrue(isKey(keys, key), "unknown key in newsflow.yaml: " + key);
        }
        new IngestConfig(config);
        new EnrichConfig(config);
        new SinkConfig(config);
        assertEquals("kafka-1:29092,kafka-2:29092,kafka-3:29092", config.kafkaClientProperties().get("bootstrap.servers"));
    }

    @Test
    void prometheusScrapesEveryStageOnThePortItListensOn() {
        JsonNode prometheus = read("prometheus/prometheus.yml");
        Set<String> scraped = new HashSet<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            assertEquals("/metrics", job.path("metrics_path").asText("/metrics"));
            for (JsonNode sd : job.path("dns_sd_configs")) {
                String port = sd.path("port").asText();
                for (JsonNode name : sd.path("names")) {
                    JsonNode service = services.path(name.asText());
                    assertFalse(service.isMissingNode(), "Prometheus scrapes " + name + ", which compose does not define");
                    assertEquals(port, service.path("environment").path("NEWSFLOW_HTTP_PORT").asText(), name + " port");
                    assertTrue(service.path("expose").toString().contains("\"" + port + "\""), name + " exposes " + port);
                    assertEquals("0.0.0.0", service.path("environment").path("NEWSFLOW_HTTP_BIND").asText(), name + " listens beyond localhost");
                    scraped.add(name.asText());
                }
            }
        }
        assertEquals(Set.copyOf(STAGES), scraped);
    }

    @Test
    void brokerAcceptsAPageOfTheDefaultCap() {
        String expected = String.valueOf(KafkaClients.maxMessageBytes(CommonConfig.DEFAULT_PAGE_MAX_BYTES));
        for (String broker : BROKERS) {
            assertEquals(expected, services.path(broker).path("environment").path("KAFKA_MESSAGE_MAX_BYTES").asText(), broker);
        }
    }

    @Test
    void grafanaIsProvisionedWithTheDashboardOfNewsflowMetrics() throws Exception {
        JsonNode datasource = read("grafana/provisioning/datasources/prometheus.yaml").path("datasources").path(0);
        assertEquals("http://prometheus:9090", datasource.path("url").asText());
        String path = read("grafana/provisioning/dashboards/newsflow.yaml").path("providers").path(0).path("options").path("path").asText();
        assertTrue(services.path("grafana").path("volumes").toString().contains("./grafana/dashboards:" + path), "dashboards mounted at " + path);

        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/newsflow.json").toFile());
        Set<String> exported = prometheusNames();
        Pattern metric = Pattern.compile("\\b(newsflow_[a-z_]+)");
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            titles.add(panel.path("title").asText());
            assertEquals(datasource.path("uid").asText(), panel.path("datasource").path("uid").asText());
            for (JsonNode target : panel.path("targets")) {
                Matcher m = metric.matcher(target.path("expr").asText());
                while (m.find()) {
                    assertTrue(exported.contains(m.group(1)), panel.path("title").asText() + " queries unknown metric " + m.group(1));
                }
            }
        }
        for (String panel : List.of("Fetched / s", "Enriched / s", "Stored / s", "Errors / s", "Consumer lag (records)", "Freshness: fetch → stored")) {
            assertTrue(titles.contains(panel), "panel " + panel + " in " + titles);
        }
    }

    @Test
    void dockerfileBuildsWithTheWrapperAndRunsAsAnUnprivilegedUser() throws IOException {
        List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile"));
        List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        assertEquals(2, from.size(), "a build stage and a runtime stage");
        assertTrue(from.get(0).contains("-jdk") && from.get(1).contains("-jre"), from.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("RUN ") && l.contains("./mvnw") && l.contains("package")));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("USER root");
        assertFalse(user.matches("USER (root|0)(:.*)?"), user);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENTRYPOINT [\"java\", \"-jar\"")));
        for (String copied : lines.stream().filter(l -> l.startsWith("COPY ") && !l.contains("--from")).toList()) {
            String source = copied.split("\\s+")[1];
            assertTrue(Files.exists(RepositoryFiles.ROOT.resolve(source)), "COPY source " + source + " exists");
        }
    }

    /** Every Prometheus series name the catalogue can produce. */
    private static Set<String> prometheusNames() {
        Set<String> names = new HashSet<>();
        for (MetricDefinition metric : MetricNames.catalogue()) {
            names.addAll(metric.seriesNames());
        }
        return names;
    }

    private static Set<String> definedKeys() {
        Set<String> keys = new HashSet<>();
        keys.addAll(CommonConfig.DEFINITION.names());
        keys.addAll(IngestConfig.DEFINITION.names());
        keys.addAll(EnrichConfig.DEFINITION.names());
        keys.addAll(SinkConfig.DEFINITION.names());
        return keys;
    }

    private static boolean isKey(Set<String> keys, String key) {
        return keys.contains(key) || key.startsWith(NewsflowConfig.KAFKA_PREFIX);
    }

    private static JsonNode read(String file) {
        return RepositoryFiles.yaml(DOCKER.resolve(file));
    }
}
