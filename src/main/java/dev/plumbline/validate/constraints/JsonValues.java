package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import java.math.BigDecimal;

/** How constraints quote the JSON values of a micro-batch in their reasons and summaries. */
final class JsonValues {

    private static final int SHORT_TEXT = 80;
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    private JsonValues() {
    }

    static String json(JsonNode value) {
        if (ColumnValues.isNull(value)) {
            return "null";
        }
        // The common cases without a JSON generator, which toString() sets up for every value it writes.
        if (value.isTextual()) {
            return '"' + new String(QUOTE.quoteAsString(value.textValue())) + '"';
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toString();
        }
        return value.isInt() || value.isLong() || value.isBoolean() ? value.asText() : value.toString();
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
