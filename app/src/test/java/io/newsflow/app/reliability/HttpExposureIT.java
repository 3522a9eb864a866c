package io.newsflow.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newsflow.app.broker.EmbeddedKafka;
import io.newsflow.app.broker.EmbeddedKafkaExtension;
import io.newsflow.app.run.RunningProcess;
import io.newsflow.core.lifecycle.Stage;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP server of a process listens on loopback only unless told otherwise, and honours its token. */
@Tag("integration")
@ExtendWith(EmbeddedKafkaExtension.class)
class HttpExposureIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    @Timeout(60)
    void listensOnLoopbackOnlyByDefault(EmbeddedKafka kafka, @TempDir Path dataDir) throws Exception {
        try (RunningProcess process = RunningProcess.start(ReliabilityConfigs.pipeline(kafka, dataDir, Map.of()),
                EnumSet.noneOf(Stage.class), null, false)) {
            assertEquals(200, get(process, "/health", null).statusCode());
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThrows(IOException.class,
                            () -> socket.connect(new InetSocketAddress(external.get(), process.httpPort()), 2000),
                            "reachable on " + external.get());
                }
            } else {
                System.out.println("reliability: no non-loopback address on this machine; checked loopback only");
            }
        }
    }

    @Test
    @Timeout(60)
    void tokenGuardsMetricsButNotHealth(EmbeddedKafka kafka, @TempDir Path dataDir) throws Exception {
        try (RunningProcess process = RunningProcess.start(ReliabilityConfigs.pipeline(kafka, dataDir,
                Map.of("newsflow.http.token", "letmein")), EnumSet.noneOf(Stage.class), null, false)) {
            assertEquals(200, get(process, "/health", null).statusCode());
            HttpResponse<String> anonymous = get(process, "/metrics", null);
            assertEquals(401, anonymous.statusCode());
            assertEquals("Bearer realm=\"newsflow\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, get(process, "/metrics", "Bearer letmeout").statusCode());
            assertEquals(200, get(process, "/metrics", "Bearer letmein").statusCode());
        }
    }

    private static HttpResponse<String> get(RunningProcess process, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + process.httpPort() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> externalAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }
}
