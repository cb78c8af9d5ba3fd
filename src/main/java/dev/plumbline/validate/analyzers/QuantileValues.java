package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The values of a column at the given quantiles (each between 0 and 1), by pandas' interpolation rules
 * (Great Expectations' pandas default is {@link Interpolation#NEAREST}). State: the retained values
 * ({@link ValuesState}), so merged windows give exact quantiles.
 */
public record QuantileValues(String column, List<Double> quantiles, Interpolation interpolation)
        implements Analyzer<ValuesState, List<Double>> {

    public QuantileValues {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(interpolation, "interpolation");
        quantiles = List.copyOf(quantiles);
        if (quantiles.isEmpty() || !quantiles.stream().allMatch(q -> q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("quantiles must be one or more numbers between 0 and 1");
        }
    }

    @Override
    public ValuesState computeState(List<JsonNode> rows) {
        return ValuesState.of(rows, column);
    }

    @Override
    public Metric<List<Double>> computeMetric(ValuesState state) {
        String problem = state.problem();
        if (problem != null) {
            return Metric.undefined(state.values().length, problem);
        }
        double[] sorted = state.sorted();
        return Metric.of(quantiles.stream().map(q -> interpolation.quantile(sorted, q)).toList(), sorted.length);
    }
}
