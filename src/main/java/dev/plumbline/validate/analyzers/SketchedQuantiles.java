package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The values of a column at the given quantiles, each within {@link SketchState}'s relative accuracy: for rules
 * judged over a window, whose exact values ({@link QuantileValues}) would grow with it.
 */
public record SketchedQuantiles(String column, List<Double> quantiles)
        implements Analyzer<SketchState, List<Double>> {

    public SketchedQuantiles {
        Objects.requireNonNull(column, "column");
        quantiles = List.copyOf(quantiles);
        if (quantiles.isEmpty() || !quantiles.stream().allMatch(q -> q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("quantiles must be one or more numbers between 0 and 1");
        }
    }

    @Override
    public SketchState computeState(List<JsonNode> rows) {
        return SketchState.of(rows, column);
    }

    @Override
    public Metric<List<Double>> computeMetric(SketchState state) {
        String problem = state.problem();
        if (problem != null) {
            return Metric.undefined(state.count(), problem);
        }
        return Metric.of(quantiles.stream().map(state::quantile).toList(), state.count());
    }
}
