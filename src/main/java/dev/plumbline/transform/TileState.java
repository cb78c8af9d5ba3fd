package dev.plumbline.transform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Comparator;

/**
 * The mergeable state of one source field over a set of events: counts, sum, sum of squares, extremes, the last
 * value by (event time, known-at time, staged record) and, when a feature needs it, a distinct-count sketch.
 * Merging two states equals the state of the union of their events, so tiles combine into any window.
 */
public final class TileState {

    /** The newest event by event time, then known-at time, then staging order: what {@code last} returns. */
    public record Last(JsonNode value, Instant eventTime, Instant knownAt, long recordId) {
        static final Comparator<Last> ORDER = Comparator.comparing(Last::eventTime).thenComparing(Last::knownAt)
                .thenComparingLong(Last::recordId);
    }

    long valueCount;
    long numericCount;
    double sum;
    double sumSquares;
    Double min;
    Double max;
    Last last;
    HyperLogLog sketch;

    public static TileState empty(boolean withSketch) {
        TileState state = new TileState();
        state.sketch = withSketch ? new HyperLogLog() : null;
        return state;
    }

    /** Adds one event's value of the field; a missing or null value is no value. */
    public void add(JsonNode value, Instant eventTime, Instant knownAt, long recordId) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        valueCount++;
        if (value.isNumber()) {
            double x = value.doubleValue();
            numericCount++;
            sum += x;
            sumSquares += x * x;
            min = min == null ? x : Math.min(min, x);
            max = max == null ? x : Math.max(max, x);
        }
        Last candidate = new Last(value, eventTime, knownAt, recordId);
        if (last == null || Last.ORDER.compare(candidate, last) > 0) {
            last = candidate;
        }
        if (sketch != null) {
            sketch.add(value.isTextual() ? value.asText() : value.toString());
        }
    }

    public void merge(TileState other) {
        valueCount += other.valueCount;
        numericCount += other.numericCount;
        sum += other.sum;
        sumSquares += other.sumSquares;
        min = extreme(min, other.min, Math::min);
        max = extreme(max, other.max, Math::max);
        if (other.last != null && (last == null || Last.ORDER.compare(other.last, last) > 0)) {
            last = other.last;
        }
        // A state without a sketch (no approx_distinct reads it) stays without one.
        if (other.sketch != null && sketch != null) {
            sketch.merge(other.sketch);
        }
    }

    /**
     * The aggregation's value over this state: {@code count} and {@code approx_distinct} are 0 without values;
     * the numeric ones and {@code last} are null. {@code stddev} is the population standard deviation.
     */
    public Object result(Aggregation aggregation) {
        return switch (aggregation) {
            case COUNT -> valueCount;
            case APPROX_DISTINCT -> sketch == null ? 0L : sketch.estimate();
            case LAST -> last == null ? null : last.value();
            case SUM -> numericCount == 0 ? null : sum;
            case AVG -> numericCount == 0 ? null : sum / numericCount;
            case MIN -> min;
            case MAX -> max;
            case STDDEV -> numericCount == 0 ? null : standardDeviation();
        };
    }

    private static Double extreme(Double a, Double b, java.util.function.DoubleBinaryOperator pick) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Double.valueOf(pick.applyAsDouble(a, b));
    }

    private double standardDeviation() {
        double mean = sum / numericCount;
        // Sums of squares can cancel to a tiny negative number for constant values.
        return Math.sqrt(Math.max(0, sumSquares / numericCount - mean * mean));
    }
}
