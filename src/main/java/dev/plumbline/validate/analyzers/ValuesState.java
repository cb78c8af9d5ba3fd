package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import java.util.Arrays;
import java.util.List;

/**
 * Every numeric value of a column (as doubles, like pandas' float64), kept so that order statistics are exact;
 * merging concatenates. Memory grows with the window: a quantile sketch (KLL) is the planned replacement when
 * windows outgrow it. {@code nonNumeric} counts non-null values that are not numbers.
 */
public record ValuesState(double[] values, long nonNumeric) implements State<ValuesState> {

    static ValuesState of(List<JsonNode> rows, String name) {
        double[] values = new double[rows.size()];
        int count = 0;
        long nonNumeric = 0;
        ColumnVector column = ColumnValues.vector(rows, name);
        for (int i = 0; i < column.size(); i++) {
            byte kind = column.kind(i);
            if (kind == ColumnVector.NUMBER || kind == ColumnVector.BOOLEAN) {
                values[count++] = column.number(i);
            } else if (kind != ColumnVector.NULL) {
                nonNumeric++;
            }
        }
        return new ValuesState(Arrays.copyOf(values, count), nonNumeric);
    }

    @Override
    public ValuesState merge(ValuesState other) {
        double[] merged = Arrays.copyOf(values, values.length + other.values.length);
        System.arraycopy(other.values, 0, merged, values.length, other.values.length);
        return new ValuesState(merged, nonNumeric + other.nonNumeric);
    }

    double[] sorted() {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** Why no metric follows from these values, or null if one does. */
    String problem() {
        if (nonNumeric > 0) {
            return Numbers.nonNumeric(nonNumeric, values.length + nonNumeric);
        }
        return values.length == 0 ? Numbers.NO_VALUES : null;
    }
}
