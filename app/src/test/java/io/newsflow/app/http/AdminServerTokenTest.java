package io.newsflow.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional bearer token guards every route but {@code /health}. */
class AdminServerTokenTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void healthNeedsNoTokenButEveryOtherRouteDoes() throws Exception {
        try (AdminServer server = start("s3cret-token")) {
            server.route("/api/articles", exchange -> AdminServer.send(exchange, 200, "text/plain", "rows\n"));
            assertEquals(200, get(server, "/health", null).statusCode());
            for (String path : List.of("/metrics", "/ready", "/api/articles")) {
                HttpResponse<String> anonymous = get(server, path, null);
                assertEquals(401, anonymous.statusCode(), path);
                assertEquals("Bearer realm=\"newsflow\"", anonymous.headers().firstValue("WWW-Authenticate").orElse(""), path);
                assertEquals(401, get(server, path, "Bearer wrong-token").statusCode(), path);
                assertEquals(401, get(server, path, "Basic czNjcmV0LXRva2Vu").statusCode(), path);
                assertEquals(200, get(server, path, "Bearer s3cret-token").statusCode(), path);
            }
        }
    }

    @Test
    void withoutATokenEveryRouteIsOpen() throws Exception {
        try (AdminServer server = start("")) {
            HttpResponse<String> metrics = get(server, "/metrics", null);
            assertEquals(200, metrics.statusCode());
            assertEquals("nosniff", metrics.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertEquals(200, get(server, "/ready", null).statusCode());
        }
    }

    private static AdminServer start(String token) {
        return AdminServer.start("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(),
                Map.of("broker", () -> true), token);
    }

    private static HttpResponse<String> get(AdminServer server, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
