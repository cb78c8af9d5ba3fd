package dev.plumbline.validate.analyzers;

import java.util.Objects;

/**
 * The population stability index of a column against a frozen {@link PsiBaseline}: PSI = Σ (aᵢ − eᵢ)·ln(aᵢ/eᵢ)
 * over the baseline's slots, aᵢ the batch's share (nulls included in the total), eᵢ the reference share, and a
 * share of 0 on either side replaced by {@code epsilon} so that an empty slot costs a finite amount. The metric
 * counts every placed value, nulls included; a value the baseline cannot place (text in a numeric column) leaves
 * the PSI undefined. State: slot counts ({@link PsiState}), placed as every {@link BaselineDivergence} places them.
 */
public record PopulationStabilityIndex(String column, PsiBaseline baseline, double epsilon)
        implements BaselineDivergence {

    public static final double DEFAULT_EPSILON = 1e-4;

    public PopulationStabilityIndex {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(baseline, "baseline");
        if (!(epsilon > 0 && epsilon < 0.01)) {
            throw new IllegalArgumentException("epsilon must be above 0 and below 0.01, got " + epsilon);
        }
    }

    public PopulationStabilityIndex(String column, PsiBaseline baseline) {
        this(column, baseline, DEFAULT_EPSILON);
    }

    @Override
    public Metric<Double> computeMetric(PsiState state) {
        Metric<Double> undefined = BaselineDivergence.undefinedFor(state);
        return undefined != null ? undefined
                : Metric.of(psi(state.counts(), baseline.expected(), epsilon), state.total());
    }

    /** PSI of slot counts against reference shares, each zero share smoothed to {@code epsilon}. */
    static double psi(long[] counts, double[] expected, double epsilon) {
        double total = 0;
        for (long count : counts) {
            total += count;
        }
        double psi = 0;
        for (int i = 0; i < counts.length; i++) {
            double actual = counts[i] == 0 ? epsilon : counts[i] / total;
            double reference = expected[i] == 0 ? epsilon : expected[i];
            psi += (actual - reference) * Math.log(actual / reference);
        }
        return psi;
    }
}
