package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import java.math.BigDecimal;

/** How constraints quote the JSON values of a micro-batch in their reasons and summaries. */
final class JsonValues {

    private static final int SHORT_TEXT = 80;

    private JsonValues() {
    }

    static String json(JsonNode value) {
        return ColumnValues.isNull(value) ? "null" : value.toString();
    }

    static String shortJson(JsonNode value) {
        return shorten(json(value));
    }

    static String plain(JsonNode value) {
        return shorten(value.isTextual() ? value.textValue() : json(value));
    }

    static String number(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String shorten(String text) {
        return text.length() <= SHORT_TEXT ? text : text.substring(0, SHORT_TEXT - 1) + "…";
    }
}
