package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * How many numeric values of a column fall in each bin of a frozen partition, below its first edge and above its
 * last; counts add, so merging is exact. {@code nonNumeric} counts non-null values that are not numbers.
 */
public record BinCountsState(long[] counts, long below, long above, long nonNumeric) implements State<BinCountsState> {

    static BinCountsState of(List<JsonNode> rows, String column, List<Double> bins) {
        double[] edges = bins.stream().mapToDouble(Double::doubleValue).toArray();
        long[] counts = new long[edges.length - 1];
        long below = 0;
        long above = 0;
        long nonNumeric = 0;
        for (JsonNode row : rows) {
            JsonNode value = ColumnValues.field(row, column);
            if (ColumnValues.isNull(value)) {
                continue;
            }
            BigDecimal number = ColumnValues.number(value);
            if (number == null) {
                nonNumeric++;
                continue;
            }
            double x = number.doubleValue();
            if (x < edges[0]) {
                below++;
            } else if (x > edges[edges.length - 1]) {
                above++;
            } else {
                counts[bin(edges, x)]++;
            }
        }
        return new BinCountsState(counts, below, above, nonNumeric);
    }

    @Override
    public BinCountsState merge(BinCountsState other) {
        long[] merged = counts.clone();
        for (int i = 0; i < merged.length; i++) {
            merged[i] += other.counts[i];
        }
        return new BinCountsState(merged, below + other.below, above + other.above, nonNumeric + other.nonNumeric);
    }

    long numeric() {
        return Arrays.stream(counts).sum() + below + above;
    }

    /** The bin of a value within the edges: the last edge belongs to the last bin. */
    private static int bin(double[] edges, double x) {
        int index = Arrays.binarySearch(edges, x);
        int bin = index >= 0 ? index : -index - 2;
        return Math.min(bin, edges.length - 2);
    }
}
