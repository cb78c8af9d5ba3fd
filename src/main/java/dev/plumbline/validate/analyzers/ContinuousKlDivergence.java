package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The Kullback-Leibler divergence (nats) of a column's histogram over a frozen reference partition from the
 * reference weights, as Great Expectations' expect_column_kl_divergence_to_be_less_than on continuous data:
 * {@code internalWeightHoldout} is shared by the reference's empty bins, {@code tailWeightHoldout} by the tails
 * beyond finite outer edges (not allowed with infinite edges or explicit tail weights). Undefined when infinite.
 * State: exact bin counts ({@link BinCountsState}).
 */
public record ContinuousKlDivergence(String column, ContinuousPartition reference, double internalWeightHoldout,
        double tailWeightHoldout) implements Analyzer<BinCountsState, Double> {

    public ContinuousKlDivergence {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reference, "reference");
        if (!(internalWeightHoldout >= 0 && internalWeightHoldout <= 1 && tailWeightHoldout >= 0
                && tailWeightHoldout <= 1)) {
            throw new IllegalArgumentException("holdouts must be between 0 and 1");
        }
        boolean infinite = reference.infiniteBelow() || reference.infiniteAbove();
        if (infinite && reference.tailWeights() != null) {
            throw new IllegalArgumentException("a partition with an infinite endpoint cannot have tail_weights");
        }
        if (tailWeightHoldout > 0 && (reference.tailWeights() != null
                || (reference.infiniteBelow() && reference.infiniteAbove()))) {
            throw new IllegalArgumentException("tail_weight_holdout cannot be used with tail_weights or with "
                    + "a partition infinite at both ends");
        }
    }

    @Override
    public BinCountsState computeState(List<JsonNode> rows) {
        return BinCountsState.of(rows, column, reference.bins());
    }

    @Override
    public Metric<Double> computeMetric(BinCountsState state) {
        long n = state.numeric();
        if (state.nonNumeric() > 0) {
            return Metric.undefined(n, Numbers.nonNumeric(state.nonNumeric(), n + state.nonNumeric()));
        }
        if (n == 0) {
            return Metric.undefined(0, Numbers.NO_VALUES);
        }
        int bins = state.counts().length;
        double[] observed = new double[bins + 2];
        double[] expected = new double[bins + 2];
        observed[0] = (double) state.below() / n;
        observed[bins + 1] = (double) state.above() / n;
        // explicit tail weights are already part of the reference's total, so only the holdouts scale its bins
        double scale = 1 - tailWeightHoldout - internalWeightHoldout;
        long empty = reference.weights().stream().filter(weight -> weight == 0).count();
        for (int i = 0; i < bins; i++) {
            observed[i + 1] = (double) state.counts()[i] / n;
            double weight = reference.weights().get(i) * scale;
            expected[i + 1] = internalWeightHoldout > 0 && weight == 0 ? internalWeightHoldout / empty : weight;
        }
        tails(expected);
        return Divergence.metric(Weights.relativeEntropy(observed, expected), n);
    }

    /** The reference weight beyond the bins; an infinite edge's own bin already is that tail. */
    private void tails(double[] expected) {
        boolean below = reference.infiniteBelow();
        boolean above = reference.infiniteAbove();
        if (reference.tailWeights() != null) {
            expected[0] = reference.tailWeights().get(0);
            expected[expected.length - 1] = reference.tailWeights().get(1);
        } else if (!below && !above) {
            expected[0] = tailWeightHoldout / 2;
            expected[expected.length - 1] = tailWeightHoldout / 2;
        } else {
            expected[0] = below ? 0 : tailWeightHoldout;
            expected[expected.length - 1] = above ? 0 : tailWeightHoldout;
        }
    }
}
