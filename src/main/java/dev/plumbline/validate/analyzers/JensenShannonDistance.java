package dev.plumbline.validate.analyzers;

import java.util.Objects;

/**
 * The Jensen–Shannon distance of a column's slot shares from a frozen {@link PsiBaseline}'s: √(JSD / ln 2), where
 * JSD = ½ Σ aᵢ·ln(aᵢ/mᵢ) + ½ Σ eᵢ·ln(eᵢ/mᵢ) and mᵢ = (aᵢ + eᵢ)/2, so it lies between 0 (the same shares) and 1
 * (no slot in common) and, unlike PSI, needs no smoothing of empty slots. Nulls and unseen categories are slots.
 */
public record JensenShannonDistance(String column, PsiBaseline baseline) implements BaselineDivergence {

    public JensenShannonDistance {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(baseline, "baseline");
    }

    @Override
    public Metric<Double> computeMetric(PsiState state) {
        Metric<Double> undefined = BaselineDivergence.undefinedFor(state);
        return undefined != null ? undefined : Metric.of(distance(state.counts(), baseline.expected()), state.total());
    }

    static double distance(long[] counts, double[] expected) {
        double total = 0;
        for (long count : counts) {
            total += count;
        }
        double divergence = 0;
        for (int i = 0; i < counts.length; i++) {
            double actual = counts[i] / total;
            double middle = (actual + expected[i]) / 2;
            divergence += half(actual, middle) + half(expected[i], middle);
        }
        return Math.sqrt(Math.max(0, divergence) / Math.log(2));
    }

    private static double half(double share, double middle) {
        return share == 0 ? 0 : share * Math.log(share / middle) / 2;
    }
}
