package io.newsflow.app.broker;

import io.newsflow.core.config.CommonConfig;
import io.newsflow.core.config.KafkaClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one embedded broker per test run (a start costs seconds) and hands it to every test that
 * asks for an {@link EmbeddedKafka} parameter. Kept in the root store, so JUnit stops it once, after
 * the last test. A class annotated {@link OwnBroker} gets one of its own instead, stopped after its
 * last test. The pipeline's topics are created up front, as {@code newsflow up} does.
 */
public final class EmbeddedKafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext owner = context.getRequiredTestClass().isAnnotationPresent(OwnBroker.class)
                ? classContext(context) : context.getRoot();
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent("broker", key -> new SharedBroker(), SharedBroker.class).kafka;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext at = context;
        while (at.getTestMethod().isPresent()) {
            at = at.getParent().orElseThrow();
        }
        return at;
    }

    private static final class SharedBroker implements AutoCloseable {

        private final Path dir;
        private final EmbeddedKafka kafka;

        SharedBroker() {
            try {
                dir = Files.createTempDirectory("newsflow-kafka-test");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            kafka = EmbeddedKafka.start(dir, 0, KafkaClients.maxMessageBytes(CommonConfig.DEFAULT_PAGE_MAX_BYTES));
            Properties props = new Properties();
            props.put("bootstrap.servers", kafka.bootstrapServers());
            TopicBootstrap.ensureTopics(props, CommonConfig.DEFAULT_PAGE_MAX_BYTES);
        }

        @Override
        public void close() throws IOException {
            kafka.close();
            Utils.delete(dir.toFile());
        }
    }
}
