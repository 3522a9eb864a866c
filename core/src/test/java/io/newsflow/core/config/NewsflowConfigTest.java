package io.newsflow.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsflowConfigTest {

    @Test
    void nestedAndFlatYamlKeysMeetEnvironmentOverrides(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newsflow.yaml");
        Files.writeString(file, """
                newsflow:
                  data.dir: /var/lib/newsflow
                  http:
                    port: 9000
                  kafka:
                    bootstrap.servers: kafka:9092
                    security.protocol: SASL_SSL
                  ingest.start.urls:
                    - http://a.example/1
                    - http://b.example/2
                """);
        NewsflowConfig config = NewsflowConfig.load(file, Map.of("NEWSFLOW_HTTP_PORT", "9100", "PATH", "/bin"));
        AbstractConfig common = config.parse(CommonConfig.DEFINITION);
        assertEquals(9100, common.getInt(CommonConfig.HTTP_PORT));
        assertEquals("/var/lib/newsflow", common.getString(CommonConfig.DATA_DIR));
        assertEquals(List.of("http://a.example/1", "http://b.example/2"), config.values().get("newsflow.ingest.start.urls"));
        assertEquals("kafka:9092", config.kafkaClientProperties().get("bootstrap.servers"));
        assertEquals("SASL_SSL", config.kafkaClientProperties().get("security.protocol"));
    }

    @Test
    void defaultsApplyWithoutFile() {
        NewsflowConfig config = NewsflowConfig.load(null, Map.of());
        assertEquals(8080, config.parse(CommonConfig.DEFINITION).getInt(CommonConfig.HTTP_PORT));
        assertEquals("127.0.0.1:9092", config.kafkaClientProperties().get("bootstrap.servers"));
    }

    @Test
    void invalidValueNamesTheKey() {
        NewsflowConfig config = NewsflowConfig.of(Map.of(CommonConfig.HTTP_PORT, "eighty"));
        ConfigException e = assertThrows(ConfigException.class, () -> config.parse(CommonConfig.DEFINITION));
        assertTrue(e.getMessage().contains(CommonConfig.HTTP_PORT), e.getMessage());
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> NewsflowConfig.load(dir.resolve("nope.yaml"), Map.of()));
        assertTrue(e.getMessage().contains("nope.yaml"), e.getMessage());
    }

    @Test
    void misspeltKeyIsRejectedNamingTheNearestKnownKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newsflow.yaml");
        Files.writeString(file, """
                newsflow:
                  http.prot: 9000
                  kafka.security.protocol: SASL_SSL
                """);
        NewsflowConfig config = NewsflowConfig.load(file, Map.of());
        ConfigException e = assertThrows(ConfigException.class, () -> config.requireKnownKeys(List.of(CommonConfig.DEFINITION)));
        assertEquals("invalid configuration: unknown key newsflow.http.prot: did you mean newsflow.http.port?", e.getMessage());
    }

    @Test
    void misspeltEnvironmentVariableIsNamedAsTheUserWroteIt() {
        NewsflowConfig config = NewsflowConfig.load(null, Map.of("NEWSFLOW_DATA_DRI", "/tmp/x"));
        ConfigException e = assertThrows(ConfigException.class, () -> config.requireKnownKeys(List.of(CommonConfig.DEFINITION)));
        assertTrue(e.getMessage().contains("unknown key newsflow.data.dri (environment variable NEWSFLOW_DATA_DRI)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("did you mean newsflow.data.dir?"), e.getMessage());
    }

    @Test
    void keyOutsideTheNamespaceIsRejected(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("newsflow.yaml");
        Files.writeString(file, "newsflwo:\n  data.dir: /srv\n");
        NewsflowConfig config = NewsflowConfig.load(file, Map.of());
        ConfigException e = assertThrows(ConfigException.class, () -> config.requireKnownKeys(List.of(CommonConfig.DEFINITION)));
        assertTrue(e.getMessage().contains("unknown key newsflwo.data.dir: every key lives under newsflow.; did you mean newsflow.data.dir?"),
                e.getMessage());
    }

    @Test
    void definedKeysKafkaSettingsAndTheLauncherVariableAreAccepted() {
        NewsflowConfig config = NewsflowConfig.load(null, Map.of("NEWSFLOW_HTTP_PORT", "9100", "NEWSFLOW_JAVA_OPTS", "-Xmx512m",
                "NEWSFLOW_LOG_LEVEL", "DEBUG", "NEWSFLOW_KAFKA_SASL_MECHANISM", "PLAIN", "HOME", "/root"));
        config.requireKnownKeys(List.of(CommonConfig.DEFINITION));
        assertEquals(Map.of("newsflow.http.port", "9100", "newsflow.kafka.sasl.mechanism", "PLAIN"), config.values());
    }
}
