package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import java.util.List;
import java.util.Objects;

/**
 * The population stability index of a column against a frozen {@link PsiBaseline}: PSI = Σ (aᵢ − eᵢ)·ln(aᵢ/eᵢ)
 * over the baseline's slots, aᵢ the batch's share (nulls included in the total), eᵢ the reference share, and a
 * share of 0 on either side replaced by {@code epsilon} so that an empty slot costs a finite amount. The metric
 * counts every placed value, nulls included; a value the baseline cannot place (text in a numeric column) leaves
 * the PSI undefined. State: slot counts ({@link PsiState}).
 */
public record PopulationStabilityIndex(String column, PsiBaseline baseline, double epsilon)
        implements Analyzer<PsiState, Double> {

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
    public PsiState computeState(List<JsonNode> rows) {
        PsiBaseline.Binner binner = baseline.binner();
        long[] counts = new long[baseline.expected().length];
        long unplaceable = 0;
        ColumnVector values = ColumnValues.vector(rows, column);
        for (int row = 0; row < values.size(); row++) {
            int slot = binner.slotOf(values, row);
            if (slot == PsiBaseline.UNPLACEABLE) {
                unplaceable++;
            } else {
                counts[slot]++;
            }
        }
        return new PsiState(counts, unplaceable);
    }

    @Override
    public Metric<Double> computeMetric(PsiState state) {
        long total = state.total();
        if (state.unplaceable() > 0) {
            return Metric.undefined(total, state.unplaceable() + " of " + (total + state.unplaceable())
                    + " values do not fit the baseline (not numbers)");
        }
        if (total == 0) {
            return Metric.undefined(0, "no values");
        }
        return Metric.of(psi(state.counts(), baseline.expected(), epsilon), total);
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
