package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import java.util.List;

/**
 * The smallest or largest value ({@code direction} -1 or +1) of {@code count} non-null values; numbers order
 * numerically, strings (e.g. ISO-8601 timestamps) lexically. A column mixing the two ({@code mixed}) or holding
 * values that do not order at all ({@code unorderable}: booleans, objects) has no extreme. Exact.
 */
public record ExtremeState(int direction, JsonNode value, long count, boolean mixed, long unorderable)
        implements State<ExtremeState> {

    static ExtremeState of(int direction, List<JsonNode> rows, String column) {
        ColumnVector values = ColumnValues.vector(rows, column);
        int extreme = -1;
        long unorderable = 0;
        boolean mixed = false;
        for (int i = 0; i < values.size(); i++) {
            byte kind = values.kind(i);
            if (kind != ColumnVector.NUMBER && kind != ColumnVector.TEXT) {
                unorderable += kind == ColumnVector.NULL ? 0 : 1;
            } else if (extreme < 0) {
                extreme = i;
            } else if (kind != values.kind(extreme)) {
                mixed = true;
            } else if (direction * compare(values, i, extreme) > 0) {
                extreme = i;
            }
        }
        return new ExtremeState(direction, extreme < 0 ? null : values.node(extreme), values.size() - values.nulls(),
                mixed, unorderable);
    }

    private static int compare(ColumnVector values, int row, int other) {
        if (values.kind(row) == ColumnVector.TEXT) {
            return values.text(row).compareTo(values.text(other));
        }
        return values.compare(row, other);
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

    private static int compare(JsonNode a, JsonNode b) {
        return a.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.textValue().compareTo(b.textValue());
    }
}
