package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/** Compares and shows contract values, treating 5, 5.0 and 5.00 as the same number. */
final class JsonValues {

    private JsonValues() {
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals((x, y) -> x.isNumber() && y.isNumber()
                ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1, b);
    }

    /** A value as a sentence shows it: plain text and numbers as written, lists and objects as JSON. */
    static String show(JsonNode value) {
        if (value == null || value.isNull()) {
            return "nothing";
        }
        if (value.isNumber()) {
            return plain(value.decimalValue());
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    /** A scalar's identity in a value set, so that 1 and 1.0 are one member. */
    static String member(JsonNode value) {
        return value.isNumber() ? "#" + plain(value.decimalValue()) : value.isTextual() ? value.asText()
                : value.toString();
    }

    /** The field names of both objects: the active one's first, then those only the proposed one has. */
    static Set<String> fieldNames(JsonNode active, JsonNode proposed) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode node : new JsonNode[] {active, proposed}) {
            if (node != null && node.isObject()) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
            }
        }
        return names;
    }
}
