package io.newsflow.core.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.core.json.JsonCodec;
import io.newsflow.core.json.PageSerde;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published JSON Schemas must describe the record types field for field, so subscribers can trust them. */
class SchemaFilesTest {

    @ParameterizedTest
    @ValueSource(classes = {PageSerde.PageHead.class, Link.class, Article.class, EntityMention.class, UrlStatus.class, SourcePoll.class,
            SourceHealth.class, Revision.class, PersonForm.class})
    void schemaFileListsEveryFieldAndRequiresExactlyTheNonNullableOnes(Class<?> type) throws Exception {
        String schema = (String) type.getField("SCHEMA").get(null);
        JsonNode file = read("/schemas/" + schema.substring(0, schema.indexOf('/')) + ".schema.json");

        assertEquals(schema, file.path("properties").path("schema").path("const").asText());
        Set<String> fields = new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
        fields.add("schema");
        Set<String> required = new TreeSet<>(Arrays.stream(type.getRecordComponents())
                .filter(c -> !c.getAnnotatedType().isAnnotationPresent(Nullable.class))
                .map(RecordComponent::getName).toList());
        required.add("schema");

        assertEquals(fields, names(file.path("properties").fieldNames()));
        assertEquals(required, StreamSupport.stream(file.path("required").spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static Set<String> names(java.util.Iterator<String> it) {
        Set<String> names = new TreeSet<>();
        it.forEachRemaining(names::add);
        return names;
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SchemaFilesTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return JsonCodec.MAPPER.readTree(in);
        }
    }
}
