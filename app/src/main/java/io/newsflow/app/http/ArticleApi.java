package io.newsflow.app.http;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.sink.query.ArticleFilter;
import io.newsflow.sink.query.ArticleHistory;
import io.newsflow.sink.query.ArticleQueries;
import io.newsflow.sink.query.StoredArticle;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read API over stored articles, JSON only:
 *
 * <ul>
 *   <li>{@code GET /api/articles?country=KP&person=Rex%20Tillerson&q=words&since=2024-05-01&limit=50&cursor=...}:
 *       newest first, {@code {"articles": [...], "next": "<cursor>"|null}}; pass {@code next} as
 *       {@code cursor} for the following page; {@code distinct=story} lists one article per story.
 *       Parameters are described in {@link ArticleFilter}.
 *   <li>{@code GET /api/articles/{id}}: one article with its text and mention offsets; 404 if unknown.
 *   <li>{@code GET /api/articles/{id}/revisions}: every stored version of the article and the
 *       field-level diffs between them, oldest first ({@link ArticleHistory}); 404 if unknown.
 * </ul>
 *
 * Bad parameters get 400 with {@code {"error": "..."}} naming the parameter; an unavailable
 * database gets 503.
 */
public final class ArticleApi implements HttpHandler {

    public static final String PATH = "/api/articles";

    private static final Logger LOG = LoggerFactory.getLogger(ArticleApi.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String JSON = "application/json; charset=utf-8";
    private static final String REVISIONS = "/revisions";

    private final ArticleQueries queries;

    public ArticleApi(ArticleQueries queries) {
        this.queries = requireNonNull(queries, "queries");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!"GET".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET");
            error(exchange, 405, "only GET is supported");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        try {
            if (path.equals(PATH) || path.equals(PATH + "/")) {
                list(exchange);
            } else if (path.startsWith(PATH + "/")) {
                String rest = path.substring(PATH.length() + 1);
                if (rest.endsWith(REVISIONS)) {
                    revisions(exchange, rest.substring(0, rest.length() - REVISIONS.length()));
                } else {
                    one(exchange, rest);
                }
            } else {
                error(exchange, 404, "no such resource: " + path);
            }
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
        } catch (SQLException e) {
            LOG.warn("article query failed: {}", e.getMessage());
            error(exchange, 503, "the article store is unavailable, try again later");
        }
    }

    private void list(HttpExchange exchange) throws IOException, SQLException {
        ArticleFilter filter = ArticleFilter.parse(parameters(exchange.getRequestURI().getRawQuery()));
        json(exchange, 200, queries.find(filter));
    }

    private void one(HttpExchange exchange, String id) throws IOException, SQLException {
        checkId(id);
        if (exchange.getRequestURI().getRawQuery() != null) {
            throw new IllegalArgumentException("/api/articles/{id} takes no parameters");
        }
        Optional<StoredArticle> article = queries.get(id);
        if (article.isPresent()) {
            json(exchange, 200, article.get());
        } else {
            error(exchange, 404, "no article with id " + id);
        }
    }

    private void revisions(HttpExchange exchange, String id) throws IOException, SQLException {
        checkId(id);
        if (exchange.getRequestURI().getRawQuery() != null) {
            throw new IllegalArgumentException("/api/articles/{id}/revisions takes no parameters");
        }
        Optional<ArticleHistory> history = queries.history(id);
        if (history.isPresent()) {
            json(exchange, 200, history.get());
        } else {
            error(exchange, 404, "no article with id " + id);
        }
    }

    private static void checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("article id must be 1 to 128 letters, digits or ._:-, got '" + id + "'");
        }
    }

    /** The query string as a map; a parameter given twice is an error rather than a guess. */
    static Map<String, String> parameters(@Nullable String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (params.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("parameter " + name + " given more than once");
            }
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed percent-encoding in the query string: '" + text + "'");
        }
    }

    private static void json(HttpExchange exchange, int status, Object body) throws IOException {
        AdminServer.send(exchange, status, JSON, new String(JsonCodec.encode(body), StandardCharsets.UTF_8));
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("error", message));
    }
}
