package io.newsflow.core.record;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person a reader asks for ({@code tail --person}, the API's {@code person=}): an entity id
 * ({@code person:donald-trump}), any variant of a full name ("President Donald J. Trump's"), which
 * {@link PersonNames} reduces to its entity id, or a bare name ("Trump"), which on its own names no
 * one and is resolved by its surname key against the persons known.
 *
 * @param entityId the entity asked for; for a bare name, the id of that bare name alone ({@code person:trump})
 * @param surname for a bare name its key ({@code trump}), to find the full-name entities it may mean; else null
 */
public record PersonQuery(String entityId, @Nullable String surname) {

    /** The longest name or id accepted, far above any person's name. */
    public static final int MAX_CHARS = 200;
    private static final String PREFIX = "person:";
    private static final Pattern ENTITY_ID = Pattern.compile("person:[\\p{L}\\p{N}]+(-[\\p{L}\\p{N}]+)*");

    public PersonQuery {
        requireNonNull(entityId, "entityId");
    }

    /**
     * Reads what a reader typed.
     *
     * @throws IllegalArgumentException naming the problem when it is too long, a malformed id, or
     *     has nothing of a name left once titles and initials are gone
     */
    public static PersonQuery parse(String text) {
        String value = requireNonNull(text, "text").strip();
        if (value.isEmpty() || value.length() > MAX_CHARS) {
            throw new IllegalArgumentException("person must be a name or entity id of 1 to " + MAX_CHARS + " characters");
        }
        if (value.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            String id = value.toLowerCase(Locale.ROOT);
            if (!ENTITY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("person entity id must be person: and a slug such as "
                        + "person:donald-trump, got '" + value + "'");
            }
            return new PersonQuery(id, null);
        }
        String key = PersonNames.key(value);
        if (key.isEmpty()) {
            throw new IllegalArgumentException("person '" + value + "' has no name left once titles and initials are removed");
        }
        return new PersonQuery(PersonNames.entityId(value), PersonNames.isFullName(value) ? null : key);
    }

    /** Whether this is a bare name, which may mean any of the full-name entities sharing its surname. */
    public boolean isBare() {
        return surname != null;
    }

    /**
     * Whether the tag is this person, judged from the article alone: its entity id for an id or a full
     * name; for a bare name the tag's surname, or a mention the article wrote in that bare form
     * (the article's "Kim" for "Kim Jong-un", whose surname is written first).
     */
    public boolean matches(PersonTag tag) {
        if (surname == null) {
            return tag.entityId().equals(entityId);
        }
        return PersonNames.surname(tag.name()).equals(surname)
                || tag.mentions().stream().anyMatch(m -> PersonNames.key(m.surface()).equals(surname));
    }
}
