package io.newsflow.app.cli;

import io.newsflow.core.record.PersonQuery;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --person}: an entity id, a full name in any form, or a bare name ({@link PersonQuery}). */
final class PersonQueryConverter implements ITypeConverter<PersonQuery> {

    @Override
    public PersonQuery convert(String value) {
        try {
            return PersonQuery.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
