package dev.plumbline.contract;

import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/** Stores an enum constant as its name in lower case, as the schema's CHECK constraints spell them. */
abstract class LowerCaseColumn<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    LowerCaseColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public E convertToEntityAttribute(String value) {
        return value == null ? null : Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    }
}
