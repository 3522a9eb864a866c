package io.newsflow.core.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of a newsflow process: one YAML file, every key overridable by an environment
 * variable. Keys are lower-case words joined by dots, e.g. {@code newsflow.ingest.fetch.delay.ms};
 * YAML may nest them ({@code newsflow: {ingest: {fetch: {delay.ms: 1000}}}}) or spell them flat. The
 * environment variable of a key is the key in upper case with dots as underscores
 * ({@code NEWSFLOW_INGEST_FETCH_DELAY_MS}); it wins over the file, and command-line options win over
 * both.
 *
 * <p>Keys under {@code newsflow.kafka.} are passed to every Kafka client unchanged (minus the
 * prefix): {@code newsflow.kafka.security.protocol: SASL_SSL} reaches producers, consumers, Streams
 * and admin clients alike.
 *
 * <p>A key under {@code newsflow.} that no stage defines is a typo until proven otherwise:
 * {@link #requireKnownKeys} rejects it, naming the nearest key that exists.
 */
public final class NewsflowConfig {

    public static final String PREFIX = "newsflow.";
    public static final String KAFKA_PREFIX = "newsflow.kafka.";
    private static final String ENV_PREFIX = "NEWSFLOW_";
    /** Variables the {@code newsflow} launcher script and the logging config (logback.xml) read; they are not config keys. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("NEWSFLOW_JAVA_OPTS", "NEWSFLOW_LOG_LEVEL");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Object> values;
    /** The environment variable each key came from, for error messages. */
    private final Map<String, String> variables;

    private NewsflowConfig(Map<String, Object> values, Map<String, String> variables) {
        this.values = Collections.unmodifiableMap(values);
        this.variables = Collections.unmodifiableMap(variables);
    }

    /** Loads a config from an optional YAML file and the given environment. */
    public static NewsflowConfig load(@Nullable Path file, Map<String, String> env) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> variables = new LinkedHashMap<>();
        if (file != null) {
            values.putAll(readYaml(file));
        }
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length() && !LAUNCHER_VARIABLES.contains(name)) {
                String key = name.toLowerCase(Locale.ROOT).replace('_', '.');
                values.put(key, value);
                variables.put(key, name);
            }
        });
        return new NewsflowConfig(values, variables);
    }

    /** A config of explicit values only, for tests and embedded use. */
    public static NewsflowConfig of(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(requireNonNull(k, "key"), v));
        return new NewsflowConfig(copy, Map.of());
    }

    /** This config with some keys replaced, e.g. by command-line options. */
    public NewsflowConfig with(Map<String, ?> overrides) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(overrides);
        Map<String, String> variables = new LinkedHashMap<>(this.variables);
        overrides.keySet().forEach(variables::remove);
        return new NewsflowConfig(copy, variables);
    }

    /**
     * Fails when a key is neither defined by one of the definitions nor a Kafka client setting
     * ({@code newsflow.kafka.*}, which Kafka's own clients check): a misspelt key would otherwise be
     * ignored silently and its default used. The message names each such key, where it came from
     * and the nearest defined key.
     */
    public void requireKnownKeys(Collection<ConfigDef> definitions) {
        Set<String> known = new TreeSet<>();
        definitions.forEach(definition -> known.addAll(definition.names()));
        List<String> unknown = new ArrayList<>();
        for (String key : values.keySet()) {
            if (!known.contains(key) && !key.startsWith(KAFKA_PREFIX)) {
                unknown.add(describeUnknown(key, known));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException("invalid configuration: " + String.join("; ", unknown));
        }
    }

    private String describeUnknown(String key, Set<String> known) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String nearest = known.stream().min(Comparator.comparingInt(candidate -> distance.apply(key, candidate))).orElse("");
        String origin = variables.containsKey(key) ? " (environment variable " + variables.get(key) + ")" : "";
        String hint = key.startsWith(PREFIX) ? "did you mean " + nearest + "?" : "every key lives under " + PREFIX + "; did you mean " + nearest + "?";
        return "unknown key " + key + origin + ": " + hint;
    }

    /** Every key and value as given, for building a stage's typed config view. */
    public Map<String, Object> values() {
        return values;
    }

    /** The settings every Kafka client gets: the {@code newsflow.kafka.} keys without the prefix. */
    public Properties kafkaClientProperties() {
        Properties props = new Properties();
        values.forEach((key, value) -> {
            if (key.startsWith(KAFKA_PREFIX)) {
                props.put(key.substring(KAFKA_PREFIX.length()), String.valueOf(value));
            }
        });
        props.putIfAbsent("bootstrap.servers", CommonConfig.DEFAULT_BOOTSTRAP_SERVERS);
        return props;
    }

    /**
     * The keys a stage defines, parsed with their defaults and validators, as a typed view
     * ({@code getInt}, {@code getString}, ...), so no stage casts values out of a map.
     */
    public AbstractConfig parse(ConfigDef definition) {
        try {
            return new AbstractConfig(definition, values, false);
        } catch (ConfigException e) {
            throw new ConfigException("invalid configuration: " + e.getMessage());
        }
    }

    private static Map<String, Object> readYaml(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file not found: " + file);
        }
        try {
            Object tree = YAML.readValue(file.toFile(), Object.class);
            Map<String, Object> flat = new LinkedHashMap<>();
            if (tree instanceof Map<?, ?> map) {
                flatten("", map, flat);
            } else if (tree != null) {
                throw new ConfigException("config file " + file + " must hold a YAML mapping");
            }
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> into) {
        map.forEach((k, v) -> {
            String key = prefix + k;
            if (v instanceof Map<?, ?> nested) {
                flatten(key + ".", nested, into);
            } else if (v instanceof List<?> list) {
                into.put(key, List.copyOf(list));
            } else {
                into.put(key, v);
            }
        });
    }
}
