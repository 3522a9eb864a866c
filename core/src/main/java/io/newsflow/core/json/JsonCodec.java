package io.newsflow.core.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.newsflow.core.record.SchemaVersioned;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Objects;

/**
 * The one JSON codec of newsflow: a shared {@link ObjectMapper} configured so that unknown fields
 * are tolerated (subscribers keep working when fields are added), times are ISO-8601 strings, and a
 * document of another schema or major version is rejected with a message that says so.
 */
public final class JsonCodec {

    /** Shared and thread-safe once configured. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private JsonCodec() {
    }

    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new JsonCodecException("cannot encode " + value.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Decodes a document into a record type, checking its {@code schema} field when the type declares
     * a {@code SCHEMA} constant.
     *
     * @throws JsonCodecException when the bytes are not JSON, name another schema, or lack a required field
     */
    public static <T> T decode(byte[] json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        String expected = expectedSchema(type);
        try {
            if (expected != null) {
                checkSchema(json, expected);
            }
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new JsonCodecException("expected a " + type.getSimpleName() + " object, got null");
            }
            return value;
        } catch (JsonCodecException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonCodecException("cannot decode " + type.getSimpleName() + ": " + rootMessage(e), e);
        } catch (RuntimeException e) {
            throw new JsonCodecException("invalid " + type.getSimpleName() + ": " + rootMessage(e), e);
        }
    }

    private static void checkSchema(byte[] json, String expected) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonCodecException("expected a JSON object of schema " + expected);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("schema".equals(field)) {
                    String actual = parser.getValueAsString();
                    if (!sameMajor(expected, actual)) {
                        throw new JsonCodecException("expected schema " + expected + ", got " + actual);
                    }
                    return;
                }
                parser.skipChildren();
            }
        }
    }

    private static boolean sameMajor(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        int slash = expected.indexOf('/');
        String major = expected.substring(0, slash + 1) + majorOf(expected.substring(slash + 1));
        int actualSlash = actual.indexOf('/');
        return actualSlash > 0
                && major.equals(actual.substring(0, actualSlash + 1) + majorOf(actual.substring(actualSlash + 1)));
    }

    private static String majorOf(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    private static String expectedSchema(Class<?> type) {
        if (!SchemaVersioned.class.isAssignableFrom(type)) {
            return null;
        }
        try {
            Field field = type.getField("SCHEMA");
            return (String) field.get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (root instanceof NullPointerException && message != null) {
            return "missing required field '" + message + "'";
        }
        if (message != null) {
            int newline = message.indexOf('\n');
            return newline < 0 ? message : message.substring(0, newline);
        }
        return root.getClass().getSimpleName();
    }
}
