package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import java.math.BigDecimal;
import java.util.List;

/**
 * The exact decimal sum of a column's {@code count} numeric values (booleans as 1 and 0) and how many non-null
 * values were not numbers; sums and counts add, so merging is exact.
 */
public record SumState(BigDecimal sum, long count, long nonNumeric) implements State<SumState> {

    static SumState of(List<JsonNode> rows, String column) {
        BigDecimal sum = BigDecimal.ZERO;
        long count = 0;
        long nonNumeric = 0;
        for (JsonNode value : ColumnValues.column(rows, column)) {
            if (ColumnValues.isNull(value)) {
                continue;
            }
            BigDecimal number = ColumnValues.number(value);
            if (number == null) {
                nonNumeric++;
            } else {
                sum = sum.add(number);
                count++;
            }
        }
        return new SumState(sum, count, nonNumeric);
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
