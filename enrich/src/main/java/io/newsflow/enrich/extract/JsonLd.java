package io.newsflow.enrich.extract;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/** The schema.org article object of a page's JSON-LD, if it has one. */
final class JsonLd {

    // pages embed JSON-LD by hand: raw newlines in strings, comments and trailing commas are common
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();

    private JsonLd() {
    }

    /** The first object typed as an article (NewsArticle, BlogPosting, Report...), else the first WebPage. */
    static @Nullable JsonNode article(List<Element> scripts) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : scripts) {
            String data = script.data();
            if (!mayHoldArticle(data)) {
                continue;
            }
            try {
                JsonNode root = LENIENT.readTree(data.strip());
                if (root != null) {
                    flatten(root, objects, 0);
                }
            } catch (IOException e) {
                // a broken block is skipped: metadata falls back to meta tags and the DOM
            }
        }
        JsonNode page = null;
        for (JsonNode node : objects) {
            String type = types(node);
            if (type.contains("article") || type.contains("posting") || type.contains("report")) {
                return node;
            }
            if (page == null && type.contains("webpage")) {
                page = node;
            }
        }
        return page;
    }

    // parsing is the costly part: skip blocks that cannot name an article (breadcrumbs, organisation, search box)
    private static boolean mayHoldArticle(String data) {
        return data.contains("Article") || data.contains("article") || data.contains("Posting")
                || data.contains("Report") || data.contains("WebPage");
    }

    private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
        if (depth > 4) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                flatten(child, out, depth + 1);
            }
        } else if (node.isObject()) {
            out.add(node);
            if (node.has("@graph")) {
                flatten(node.get("@graph"), out, depth + 1);
            }
            if (node.has("mainEntity")) {
                flatten(node.get("mainEntity"), out, depth + 1);
            }
        }
    }

    private static String types(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return "";
        }
        if (type.isArray()) {
            StringBuilder sb = new StringBuilder();
            type.forEach(t -> sb.append(t.asText()).append(' '));
            return sb.toString().toLowerCase(Locale.ROOT);
        }
        return type.asText().toLowerCase(Locale.ROOT);
    }

    /** The text of a field, or of the "name" of an object field, or null. */
    static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            value = value.size() == 0 ? null : value.get(0);
        }
        if (value != null && value.isObject()) {
            value = value.has("name") ? value.get("name") : value.get("url");
        }
        if (value == null || !value.isValueNode()) {
            return null;
        }
        String s = value.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** Names from a field holding a string, an object with "name" or an array of either. */
    static List<String> names(@Nullable JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node == null || node.get(field) == null) {
            return out;
        }
        JsonNode value = node.get(field);
        Iterable<JsonNode> items = value.isArray() ? value : List.of(value);
        for (JsonNode item : items) {
            JsonNode name = item.isObject() ? item.get("name") : item;
            if (name != null && name.isTextual() && !name.asText().isBlank()) {
                out.add(name.asText().strip());
            }
        }
        return out;
    }

    /** An image URL from a string, an ImageObject or an array of either. */
    static @Nullable String image(@Nullable JsonNode node) {
        if (node == null || node.get("image") == null) {
            return null;
        }
        JsonNode value = node.get("image");
        if (value.isArray()) {
            value = value.size() == 0 ? null : value.get(0);
        }
        if (value != null && value.isObject()) {
            value = value.get("url");
        }
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
