package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;

/** How constraints read, compare and quote the JSON values of a micro-batch. */
final class JsonValues {

    private static final int SHORT_TEXT = 80;

    private JsonValues() {
    }

    static JsonNode field(JsonNode row, String column) {
        return row == null ? MissingNode.getInstance() : row.path(column);
    }

    static boolean isNull(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull();
    }

    static String json(JsonNode value) {
        return isNull(value) ? "null" : value.toString();
    }

    static String shortJson(JsonNode value) {
        return shorten(json(value));
    }

    static String plain(JsonNode value) {
        return shorten(value.isTextual() ? value.textValue() : json(value));
    }

    static BigDecimal decimal(JsonNode value) {
        if (value == null || !value.isNumber()) {
            return null;
        }
        if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
            return null;
        }
        return value.decimalValue();
    }

    /** Numbers compare numerically (1 equals 1.0), strings to strings, booleans to booleans. */
    static Object key(JsonNode value) {
        BigDecimal number = decimal(value);
        if (number != null) {
            return number.stripTrailingZeros();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        return value.isBoolean() ? (Object) value.booleanValue() : value;
    }

    static String number(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String shorten(String text) {
        return text.length() <= SHORT_TEXT ? text : text.substring(0, SHORT_TEXT - 1) + "…";
    }
}
