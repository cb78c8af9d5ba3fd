package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A column's numbers as a quantile sketch with relative accuracy (DDSketch's logarithmic buckets): each value
 * counted in the bucket {@code ceil(log_γ |x|)}, γ = (1 + α) / (1 − α), positives and negatives apart and zeros on
 * their own, so that any quantile is known within a relative error α ({@value #ACCURACY}) whatever the window's
 * size, and merging adds counts. It holds as many buckets as the values span powers of γ (a few thousand for
 * amounts from cents to millions), where {@link ValuesState} holds every value.
 */
public record SketchState(TreeMap<Integer, Long> positive, TreeMap<Integer, Long> negative, long zeros,
        long nonNumeric) implements State<SketchState> {

    static final double ACCURACY = 0.005;
    private static final double GAMMA = (1 + ACCURACY) / (1 - ACCURACY);
    private static final double LOG_GAMMA = Math.log(GAMMA);

    static SketchState of(List<JsonNode> rows, String name) {
        TreeMap<Integer, Long> positive = new TreeMap<>();
        TreeMap<Integer, Long> negative = new TreeMap<>();
        long zeros = 0;
        long nonNumeric = 0;
        ColumnVector column = ColumnValues.vector(rows, name);
        for (int i = 0; i < column.size(); i++) {
            byte kind = column.kind(i);
            if (kind == ColumnVector.NUMBER || kind == ColumnVector.BOOLEAN) {
                double value = column.number(i);
                if (value == 0 || !Double.isFinite(value)) {
                    zeros += value == 0 ? 1 : 0;
                    nonNumeric += value == 0 ? 0 : 1;
                } else {
                    (value > 0 ? positive : negative).merge(bucket(Math.abs(value)), 1L, Long::sum);
                }
            } else if (kind != ColumnVector.NULL) {
                nonNumeric++;
            }
        }
        return new SketchState(positive, negative, zeros, nonNumeric);
    }

    @Override
    public SketchState merge(SketchState other) {
        return new SketchState(sum(positive, other.positive), sum(negative, other.negative), zeros + other.zeros,
                nonNumeric + other.nonNumeric);
    }

    /** How many numbers were counted. */
    public long count() {
        return zeros + positive.values().stream().mapToLong(Long::longValue).sum()
                + negative.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The value at quantile {@code q} (the lower one, as rank {@code floor(q · (n − 1))}), within α of it. */
    double quantile(double q) {
        long rank = (long) Math.floor(q * (count() - 1));
        for (Map.Entry<Integer, Long> bucket : negative.descendingMap().entrySet()) {
            rank -= bucket.getValue();
            if (rank < 0) {
                return -value(bucket.getKey());
            }
        }
        rank -= zeros;
        if (rank < 0) {
            return 0;
        }
        for (Map.Entry<Integer, Long> bucket : positive.entrySet()) {
            rank -= bucket.getValue();
            if (rank < 0) {
                return value(bucket.getKey());
            }
        }
        return positive.isEmpty() ? 0 : value(positive.lastKey());
    }

    String problem() {
        long count = count();
        if (nonNumeric > 0) {
            return Numbers.nonNumeric(nonNumeric, count + nonNumeric);
        }
        return count == 0 ? Numbers.NO_VALUES : null;
    }

    static int bucket(double magnitude) {
        return (int) Math.ceil(Math.log(magnitude) / LOG_GAMMA);
    }

    // the point of the bucket (γ^(i-1), γ^i] whose relative distance to both ends is α
    private static double value(int bucket) {
        return 2 * Math.pow(GAMMA, bucket) / (GAMMA + 1);
    }

    private static TreeMap<Integer, Long> sum(TreeMap<Integer, Long> a, TreeMap<Integer, Long> b) {
        TreeMap<Integer, Long> merged = new TreeMap<>(a);
        b.forEach((bucket, count) -> merged.merge(bucket, count, Long::sum));
        return merged;
    }
}
