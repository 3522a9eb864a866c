package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.lifecycle.Stage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A whole run with a database password, Kafka SASL credentials and an HTTP token configured logs
 * none of them, Kafka's client config dumps included, and {@code /metrics} shows none of them.
 */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class SecretsStayOutOfLogsIT {

    @Test
    @Timeout(120)
    void noSecretAppearsInLogsOrMetrics(EmbeddedKafka kafka, @TempDir Path dataDir) throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String dbPassword = "db-secret-" + unique;
        String saslPassword = "sasl-secret-" + unique;
        String token = "http-secret-" + unique;
        Map<String, Object> values = new HashMap<>();
        values.put("newsflow.sink.jdbc.password", dbPassword);
        values.put("newsflow.kafka.sasl.mechanism", "PLAIN");
        values.put("newsflow.kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"newsflow\" password=\"" + saslPassword + "\";");
        values.put("newsflow.http.token", token);
        values.put("newsflow.enrich.application.id", "enrich-secrets-" + unique);
        values.put("newsflow.sink.group.id", "sink-secrets-" + unique);
        values.put("newsflow.ingest.group.id", "ingest-secrets-" + unique);
        List<String> secrets = List.of(dbPassword, saslPassword, token);

        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        // Kafka prints every client's full config at INFO: the likeliest place for a secret to leak
        Map<String, Level> previous = new HashMap<>();
        for (String name : List.of("org.apache.kafka", "io.newsflow")) {
            previous.put(name, logging.getLogger(name).getLevel());
        }
        logging.getLogger("org.apache.kafka").setLevel(Level.INFO);
        logging.getLogger("io.newsflow").setLevel(Level.DEBUG);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        String metrics;
        try (RunningProcess process = RunningProcess.start(ReliabilityConfigs.pipeline(kafka, dataDir, values),
                EnumSet.allOf(Stage.class), null, false)) {
            HttpClient http = HttpClient.newHttpClient();
            URI ready = URI.create("http://127.0.0.1:" + process.httpPort() + "/ready");
            Eventually.await("the process ready", Duration.ofSeconds(60),
                    () -> http.send(HttpRequest.newBuilder(ready).header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode(),
                    status -> status == 200);
            HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + process.httpPort() + "/metrics"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, scrape.statusCode());
            metrics = scrape.body();
        } finally {
            root.detachAppender(captured);
            previous.forEach((name, level) -> logging.getLogger(name).setLevel(level));
        }

        List<ILoggingEvent> events = List.copyOf(captured.list);
        assertTrue(events.stream().anyMatch(e -> e.getFormattedMessage().contains("sasl.jaas.config")),
                "Kafka's config dumps were captured, so their absence of secrets means something");
        for (ILoggingEvent event : events) {
            String text = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String secret : secrets) {
                assertFalse(text.contains(secret), "secret logged by " + event.getLoggerName() + ": " + text);
            }
        }
        for (String secret : secrets) {
            assertFalse(metrics.contains(secret), "secret in /metrics");
        }
        System.out.printf("reliability {\"check\":\"secrets\",\"logEvents\":%d,\"metricsBytes\":%d,\"leaks\":0}%n",
                events.size(), metrics.length());
    }
}
