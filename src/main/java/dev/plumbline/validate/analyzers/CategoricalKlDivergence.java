package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The Kullback-Leibler divergence (nats) of a column's category shares from a frozen categorical reference, with
 * {@code tailWeightHoldout} of the reference weight set aside for categories it does not list (Great
 * Expectations' expect_column_kl_divergence_to_be_less_than on discrete data). Undefined when infinite: the
 * batch has a category the reference gives no weight. State: exact counts ({@link FrequenciesState}).
 */
public record CategoricalKlDivergence(String column, CategoricalPartition reference, double tailWeightHoldout)
        implements Analyzer<FrequenciesState, Double> {

    public CategoricalKlDivergence {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reference, "reference");
        CategoricalPartition.requireHoldout(tailWeightHoldout);
    }

    @Override
    public FrequenciesState computeState(List<JsonNode> rows) {
        return FrequenciesState.of(rows, column);
    }

    @Override
    public Metric<Double> computeMetric(FrequenciesState state) {
        if (state.nonNull() == 0) {
            return Metric.undefined(0, Numbers.NO_VALUES);
        }
        CategoricalComparison comparison = CategoricalComparison.of(state, reference, tailWeightHoldout);
        return Divergence.metric(Weights.relativeEntropy(comparison.observed(), comparison.expected()),
                state.nonNull());
    }
}
