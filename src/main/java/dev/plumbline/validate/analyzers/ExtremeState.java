package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import java.util.List;

/**
 * The smallest or largest value ({@code direction} -1 or +1) of {@code count} non-null values; numbers order
 * numerically, strings (e.g. ISO-8601 timestamps) lexically. A column mixing the two ({@code mixed}) or holding
 * values that do not order at all ({@code unorderable}: booleans, objects) has no extreme. Exact.
 */
public record ExtremeState(int direction, JsonNode value, long count, boolean mixed, long unorderable)
        implements State<ExtremeState> {

    static ExtremeState of(int direction, List<JsonNode> rows, String column) {
        JsonNode extreme = null;
        long count = 0;
        boolean mixed = false;
        long unorderable = 0;
        for (JsonNode value : ColumnValues.column(rows, column)) {
            if (ColumnValues.isNull(value)) {
                continue;
            }
            count++;
            if (!orderable(value)) {
                unorderable++;
            } else if (extreme == null) {
                extreme = value;
            } else if (value.isNumber() != extreme.isNumber()) {
                mixed = true;
            } else if (direction * compare(value, extreme) > 0) {
                extreme = value;
            }
        }
        return new ExtremeState(direction, extreme, count, mixed, unorderable);
    }

    @Override
    public ExtremeState merge(ExtremeState other) {
        JsonNode extreme = value == null ? other.value : value;
        boolean mixedKinds = mixed || other.mixed;
        if (value != null && other.value != null) {
            if (value.isNumber() != other.value.isNumber()) {
                mixedKinds = true;
            } else if (direction * compare(other.value, value) > 0) {
                extreme = other.value;
            }
        }
        return new ExtremeState(direction, extreme, count + other.count, mixedKinds, unorderable + other.unorderable);
    }

    Metric<JsonNode> metric() {
        if (mixed) {
            return Metric.undefined(count, "the column mixes numbers and strings, which do not order together");
        }
        if (unorderable > 0) {
            return Metric.undefined(count, unorderable + " of " + count + " values are neither numbers nor strings");
        }
        return value == null ? Metric.undefined(0, Numbers.NO_VALUES) : Metric.of(value, count);
    }

    private static boolean orderable(JsonNode value) {
        return value.isTextual() || (value.isNumber() && ColumnValues.number(value) != null);
    }

    private static int compare(JsonNode a, JsonNode b) {
        return a.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.textValue().compareTo(b.textValue());
    }
}
