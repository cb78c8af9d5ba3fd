package dev.plumbline.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/** One bound of a range, such as {@code maximum: 100000} or {@code min_value: 0, strict_min: true}. */
record Bound(BigDecimal value, boolean exclusive) {

    /**
     * One side of a range as a contract writes it: its name in sentences, the key of an inclusive value, the key
     * of an exclusive value (JSON Schema style) or of a strictness flag (Great Expectations style).
     */
    record Side(String name, String key, String exclusiveKey, String strictFlag, boolean upper) {

        static final List<Side> OPTIONS = List.of(
                new Side("minimum", "minimum", "exclusiveMinimum", null, false),
                new Side("maximum", "maximum", "exclusiveMaximum", null, true),
                new Side("minimum length", "minLength", null, null, false),
                new Side("maximum length", "maxLength", null, null, true),
                new Side("minimum number of items", "minItems", null, null, false),
                new Side("maximum number of items", "maxItems", null, null, true));
        static final List<Side> KWARGS = List.of(
                new Side("min_value", "min_value", null, "strict_min", false),
                new Side("max_value", "max_value", null, "strict_max", true));

        List<String> keys() {
            return Stream.of(key, exclusiveKey, strictFlag).filter(k -> k != null).toList();
        }

        boolean writtenIn(JsonNode node) {
            return node != null && keys().stream().anyMatch(node::has);
        }

        /** Whether every key of this side that the node has holds a number, or a boolean for the flag. */
        boolean readableIn(JsonNode node) {
            return node == null || keys().stream().filter(node::has)
                    .allMatch(k -> k.equals(strictFlag) ? node.get(k).isBoolean() : node.get(k).isNumber());
        }

        /** The bound written in the node, or null when this side is open. */
        Bound read(JsonNode node) {
            if (node == null) {
                return null;
            }
            if (node.has(key)) {
                return new Bound(node.get(key).decimalValue(),
                        strictFlag != null && node.path(strictFlag).asBoolean(false));
            }
            return exclusiveKey != null && node.has(exclusiveKey)
                    ? new Bound(node.get(exclusiveKey).decimalValue(), true) : null;
        }

        /** Positive when the after bound accepts less than the before one, negative when more, 0 when alike. */
        int tightening(Bound before, Bound after) {
            if (before == null || after == null) {
                return before == after ? 0 : before == null ? 1 : -1;
            }
            int lower = after.value.compareTo(before.value);
            int tighter = upper ? -lower : lower;
            return tighter != 0 ? tighter : Boolean.compare(after.exclusive, before.exclusive);
        }
    }

    @Override
    public String toString() {
        return JsonValues.plain(value) + (exclusive ? " (exclusive)" : "");
    }
}
