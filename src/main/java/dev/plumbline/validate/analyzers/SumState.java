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
        // integers and booleans add up in a long (no BigDecimal per value) until it would overflow
        BigDecimal sum = BigDecimal.ZERO;
        long whole = 0;
        long count = 0;
        long nonNumeric = 0;
        ColumnVector values = ColumnValues.vector(rows, column);
        for (int i = 0; i < values.size(); i++) {
            byte kind = values.kind(i);
            if (kind == ColumnVector.NULL) {
                continue;
            }
            if (kind == ColumnVector.BOOLEAN || values.isWhole(i)) {
                long addend = kind == ColumnVector.BOOLEAN ? (long) values.number(i) : values.whole(i);
                long total = whole + addend;
                if (((whole ^ total) & (addend ^ total)) < 0) {
                    sum = sum.add(BigDecimal.valueOf(whole));
                    total = addend;
                }
                whole = total;
                count++;
            } else if (kind == ColumnVector.NUMBER) {
                sum = sum.add(values.decimal(i));
                count++;
            } else {
                nonNumeric++;
            }
        }
        return new SumState(sum.add(BigDecimal.valueOf(whole)), count, nonNumeric);
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
