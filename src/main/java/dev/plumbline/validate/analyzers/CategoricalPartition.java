package dev.plumbline.validate.analyzers;

import dev.plumbline.validate.ColumnValues;
import java.util.List;

/**
 * A frozen reference distribution over categories: each value (a {@link ColumnValues#key}) with its weight; the
 * weights sum to 1. Great Expectations' partition_object with values and weights.
 */
public record CategoricalPartition(List<Object> values, List<Double> weights) {

    public CategoricalPartition {
        values = List.copyOf(values);
        weights = List.copyOf(weights);
        if (values.isEmpty() || values.size() != weights.size()) {
            throw new IllegalArgumentException("a categorical partition needs one weight per value");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("the values of a partition must be distinct");
        }
        Weights.requireDistribution(weights.stream().mapToDouble(Double::doubleValue).sum());
    }

    /** Refuses a {@code tail_weight_holdout} outside 0..1, the share of weight kept for unseen categories. */
    static void requireHoldout(double tailWeightHoldout) {
        if (!(tailWeightHoldout >= 0 && tailWeightHoldout <= 1)) {
            throw new IllegalArgumentException("tail_weight_holdout must be between 0 and 1");
        }
    }
}
