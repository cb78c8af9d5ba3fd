package dev.plumbline.validate.analyzers;

import java.util.Objects;

/**
 * The Kolmogorov–Smirnov statistic of a numeric column against a frozen {@link NumericBaseline}, at the baseline's
 * edges: the largest gap between the batch's and the reference's cumulative shares of non-null values at any
 * edge. With the reference's deciles as edges it is the exact KS statistic read at ten points (so never above the
 * exact one). Nulls are left out of both sides; the metric counts the non-null values.
 */
public record BinnedKsStatistic(String column, NumericBaseline baseline) implements BaselineDivergence {

    public BinnedKsStatistic {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(baseline, "baseline");
    }

    @Override
    public Metric<Double> computeMetric(PsiState state) {
        Metric<Double> undefined = BaselineDivergence.undefinedFor(state);
        if (undefined != null) {
            return undefined;
        }
        long[] counts = state.counts();
        double[] expected = baseline.expected();
        int bins = counts.length - 1; // the last slot holds the nulls
        long values = 0;
        for (int i = 0; i < bins; i++) {
            values += counts[i];
        }
        if (values == 0) {
            return Metric.undefined(0, "only nulls");
        }
        double referenceValues = 1 - baseline.nullShare();
        if (referenceValues <= 0) {
            return Metric.undefined(values, "the baseline has only nulls");
        }
        double actual = 0;
        double reference = 0;
        double statistic = 0;
        for (int i = 0; i < bins - 1; i++) {
            actual += counts[i] / (double) values;
            reference += expected[i] / referenceValues;
            statistic = Math.max(statistic, Math.abs(actual - reference));
        }
        return Metric.of(statistic, values);
    }
}
