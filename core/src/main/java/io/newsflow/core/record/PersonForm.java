package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One thing enrich has learned about a person, as published on {@code newsflow.persons}: that the
 * bare form {@link #form()} (a surname, or a one-word name seen under the full name, "xi" for "Xi
 * Jinping") can refer to the person {@link #entityId()}. Keyed by {@link #key()}, one record per
 * (form, person), so writing a fact again, from any enrich instance, changes nothing.
 *
 * @param form the bare form's key as {@link PersonNames#key} reduces it ({@code tillerson})
 * @param entityId the person it can refer to ({@code person:rex-tillerson})
 * @param name the full name the fact was learned under, for people reading the topic
 */
@JsonPropertyOrder({"schema"})
public record PersonForm(String form, String entityId, String name) implements SchemaVersioned {

    public static final String SCHEMA = "person-form/1";

    public PersonForm {
        requireNonNull(form, "form");
        requireNonNull(entityId, "entityId");
        requireNonNull(name, "name");
    }

    /** The record key: the form, {@code |}, then the person, so all people a form may mean share a key prefix. */
    @JsonIgnore
    public String key() {
        return keyPrefix(form) + entityId;
    }

    /** The key prefix of every fact about {@code form}. */
    public static String keyPrefix(String form) {
        return form + "|";
    }

    @Override
    public String schema() {
        return SCHEMA;
    }
}
