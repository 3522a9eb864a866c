package io.newsflow.app.http;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Admits a request only with {@code Authorization: Bearer TOKEN}; anything else gets 401 with
 * {@code WWW-Authenticate: Bearer}. The comparison takes the same time however much of a guess is
 * right: both sides are hashed to equal length and compared with {@link MessageDigest#isEqual}.
 */
final class BearerTokenAuthenticator extends Authenticator {

    private static final String SCHEME = "Bearer ";

    private final byte[] expectedDigest;

    BearerTokenAuthenticator(String token) {
        requireNonNull(token, "token");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("token must not be empty");
        }
        this.expectedDigest = sha256(token);
    }

    @Override
    public Result authenticate(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && MessageDigest.isEqual(expectedDigest, sha256(header.substring(SCHEME.length()).strip()))) {
            return new Success(new HttpPrincipal("bearer", "newsflow"));
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"newsflow\"");
        return new Failure(401);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
