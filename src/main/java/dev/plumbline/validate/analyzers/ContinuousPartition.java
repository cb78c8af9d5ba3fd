package dev.plumbline.validate.analyzers;

import java.util.List;

/**
 * A frozen reference histogram: increasing bin edges (the outer ones may be infinite), one weight per bin, and
 * optionally the weights below and above the bins ({@code tailWeights}, null when not given); all weights sum to
 * 1. Great Expectations' partition_object with bins and weights. A value lies in bin i when
 * {@code bins[i] <= value < bins[i+1]}, the last bin including its upper edge (numpy's histogram).
 */
public record ContinuousPartition(List<Double> bins, List<Double> weights, List<Double> tailWeights) {

    public ContinuousPartition {
        bins = List.copyOf(bins);
        weights = List.copyOf(weights);
        tailWeights = tailWeights == null ? null : List.copyOf(tailWeights);
        if (weights.isEmpty() || bins.size() != weights.size() + 1) {
            throw new IllegalArgumentException("a continuous partition needs one more bin edge than weights");
        }
        for (int i = 1; i < bins.size(); i++) {
            if (!(bins.get(i) > bins.get(i - 1))) {
                throw new IllegalArgumentException("bin edges must increase");
            }
        }
        if (tailWeights != null && tailWeights.size() != 2) {
            throw new IllegalArgumentException("tail_weights must be two weights, below and above the bins");
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum()
                + (tailWeights == null ? 0 : tailWeights.get(0) + tailWeights.get(1));
        Weights.requireDistribution(total);
    }

    boolean infiniteBelow() {
        return bins.get(0) == Double.NEGATIVE_INFINITY;
    }

    boolean infiniteAbove() {
        return bins.get(bins.size() - 1) == Double.POSITIVE_INFINITY;
    }
}
