package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import java.math.BigDecimal;
import java.util.List;

/**
 * The exact decimal sum of a column's {@code count} numeric values (booleans as 1 and 0) and how many non-null
 * values were not numbers; sums and counts add, so merging is exact.
 */
public record SumState(BigDecimal sum, long count, long nonNumeric) implements State<SumState> {

    static SumState of(List<JsonNode> rows, String column) {
        // integers, booleans and plain decimals add up in a long (no BigDecimal per value) until it would overflow
        DecimalSum sum = new DecimalSum();
        long count = 0;
        long nonNumeric = 0;
        ColumnVector values = ColumnValues.vector(rows, column);
        for (int i = 0; i < values.size(); i++) {
            byte kind = values.kind(i);
            if (kind == ColumnVector.NULL) {
                continue;
            }
            if (kind == ColumnVector.BOOLEAN) {
                sum.add((long) values.number(i), 0);
                count++;
            } else if (kind == ColumnVector.NUMBER) {
                int scale = values.scale(i);
                if (scale < 0) {
                    sum.add(values.decimal(i));
                } else {
                    sum.add(values.unscaled(i), scale);
                }
                count++;
            } else {
                nonNumeric++;
            }
        }
        return new SumState(sum.value(), count, nonNumeric);
    }

    @Override
    public SumState merge(SumState other) {
        return new SumState(sum.add(other.sum), count + other.count, nonNumeric + other.nonNumeric);
    }

    /** Why no numeric metric follows from this state, or null if one does. */
    String problem() {
        if (nonNumeric > 0) {
            return Numbers.nonNumeric(nonNumeric, count + nonNumeric);
        }
        return count == 0 ? Numbers.NO_VALUES : null;
    }
}
