package io.newsflow.ingest.source;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One configured source, as an entry of {@code newsflow.ingest.sources}:
 * <pre>{@code
 * - name: brookings
 *   type: feed            # feed | sitemap | robots | listing
 *   url: https://www.brookings.edu/feed/
 *   interval.ms: 600000   # optional, default newsflow.ingest.source.interval.ms
 *   include: /articles/   # optional regex a discovered URL must contain (find)
 *   exclude: /video/      # optional regex that drops a discovered URL
 * }</pre>
 *
 * @param include a discovered URL is kept only if this matches somewhere in it; null keeps all
 *     (listings keep only same-host links when it is null)
 * @param exclude a discovered URL is dropped if this matches somewhere in it
 */
public record SourceSpec(String name, SourceType type, URI url, Duration interval, @Nullable Pattern include,
        @Nullable Pattern exclude) {

    public SourceSpec {
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(url, "url");
        requireNonNull(interval, "interval");
        if (name.isBlank()) {
            throw new IllegalArgumentException("source name must not be blank");
        }
        String scheme = url.getScheme();
        if (url.getHost() == null || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("source " + name + ": url must be absolute http(s): " + url);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("source " + name + ": interval must be positive: " + interval);
        }
    }

    /** Whether a discovered URL passes the include and exclude patterns. */
    public boolean accepts(String discovered) {
        return (include == null || include.matcher(discovered).find()) && (exclude == null || !exclude.matcher(discovered).find());
    }

    /** Reads one entry of the sources list; the message names the entry and the bad value. */
    public static SourceSpec fromConfig(Map<?, ?> entry, int index, Duration defaultInterval) {
        String url = string(entry, "url", index);
        if (url == null) {
            throw new IllegalArgumentException("source #" + (index + 1) + " has no url");
        }
        String type = string(entry, "type", index);
        if (type == null) {
            throw new IllegalArgumentException("source #" + (index + 1) + " (" + url + ") has no type");
        }
        String name = string(entry, "name", index);
        String interval = string(entry, "interval.ms", index);
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source #" + (index + 1) + ": bad url " + url);
        }
        Duration every;
        try {
            every = interval == null ? defaultInterval : Duration.ofMillis(Long.parseLong(interval.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("source #" + (index + 1) + ": interval.ms is not a number: " + interval);
        }
        return new SourceSpec(name == null ? uri.getHost() + "-" + type.trim() : name, SourceType.parse(type), uri, every,
                pattern(string(entry, "include", index), index), pattern(string(entry, "exclude", index), index));
    }

    private static @Nullable String string(Map<?, ?> entry, String key, int index) {
        Object value = entry.get(key);
        if (value == null && key.contains(".")) {
            // YAML may nest "interval.ms" as interval: {ms: ...}
            Object parent = entry.get(key.substring(0, key.indexOf('.')));
            if (parent instanceof Map<?, ?> nested) {
                value = nested.get(key.substring(key.indexOf('.') + 1));
            }
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            throw new IllegalArgumentException("source #" + (index + 1) + ": " + key + " must be a single value");
        }
        return value == null ? null : value.toString();
    }

    private static @Nullable Pattern pattern(@Nullable String regex, int index) {
        if (regex == null || regex.isBlank()) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("source #" + (index + 1) + ": bad regex " + regex + ": " + e.getDescription());
        }
    }
}
