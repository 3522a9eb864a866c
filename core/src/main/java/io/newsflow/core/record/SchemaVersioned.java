package io.newsflow.core.record;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A record that names its schema in every JSON document as {@code "schema": "<name>/<major>"}, so a
 * subscriber can reject a major version it does not understand.
 */
public interface SchemaVersioned {

    @JsonProperty("schema")
    String schema();
}
