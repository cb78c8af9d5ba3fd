package dev.plumbline.validate.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import java.math.BigDecimal;

/**
 * The text under which a key is kept in a dataset's history: a string as it is, a number in plain decimal
 * without trailing zeros (so 7 and 7.0 are one key), true or false, anything else as its JSON. Keys compare by
 * this text, across datasets too: the number 42 and the string "42" are the same key.
 */
final class KeyText {

    private KeyText() {
    }

    /** The key of a value, or null for a null or missing value, which has none. */
    static String of(JsonNode value) {
        if (ColumnValues.isNull(value)) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        BigDecimal number = ColumnValues.decimal(value);
        if (number != null) {
            return number.stripTrailingZeros().toPlainString();
        }
        return value.isBoolean() ? Boolean.toString(value.booleanValue()) : value.toString();
    }

    /** A key as a reason shows it: quoted, shortened when long. */
    static String quoted(String key) {
        String shown = key.length() <= 60 ? key : key.substring(0, 60) + "…";
        return "\"" + shown + "\"";
    }
}
