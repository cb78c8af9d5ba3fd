package dev.plumbline.transform;

/**
 * One source field's aggregation state over the events of one label row's window, in primitives for the
 * point-in-time join's inner loop; its results are {@link TileState#result}'s, value for value.
 */
final class WindowState {

    private long valueCount;
    private long numericCount;
    private double sum;
    private double sumSquares;
    private double min;
    private double max;
    private int last;
    private HyperLogLog sketch;

    void reset(boolean withSketch) {
        valueCount = 0;
        numericCount = 0;
        sum = 0;
        sumSquares = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        last = -1;
        sketch = withSketch ? new HyperLogLog() : null;
    }

    /** Adds an event; events come in {@link EventColumns}' order, so the last one added is what {@code last} is. */
    void add(FieldColumn field, int event) {
        byte kind = field.kind[event];
        if (kind == FieldColumn.ABSENT) {
            return;
        }
        valueCount++;
        if (kind == FieldColumn.NUMBER) {
            double x = field.number[event];
            numericCount++;
            sum += x;
            sumSquares += x * x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        last = event;
        if (sketch != null) {
            sketch.addHash(field.hash[event]);
        }
    }

    /** Writes this window's value of feature k, of the given aggregation, into the joined row. */
    void result(Aggregation aggregation, FieldColumn field, PointInTimeJoin.Joined joined, int row, int k) {
        switch (aggregation) {
            case COUNT -> joined.setCount(row, k, valueCount);
            case APPROX_DISTINCT -> joined.setCount(row, k, sketch == null ? 0L : sketch.estimate());
            case LAST -> joined.setJson(row, k, last < 0 ? null : field.value(last));
            default -> joined.setNumber(row, k, numericCount == 0, numericCount == 0 ? 0 : number(aggregation));
        }
    }

    private double number(Aggregation aggregation) {
        return switch (aggregation) {
            case SUM -> sum;
            case AVG -> sum / numericCount;
            case MIN -> min;
            case MAX -> max;
            case STDDEV -> standardDeviation();
            default -> throw new IllegalArgumentException(aggregation + " is not a number of the values");
        };
    }

    private double standardDeviation() {
        double mean = sum / numericCount;
        // Sums of squares can cancel to a tiny negative number for constant values.
        return Math.sqrt(Math.max(0, sumSquares / numericCount - mean * mean));
    }
}
