package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The median of a column's numeric values, the mean of the two middle values for an even count (as pandas).
 * State: the retained values ({@link ValuesState}), so merged windows give the exact median.
 */
public record Median(String column) implements Analyzer<ValuesState, Double> {

    public Median {
        Objects.requireNonNull(column, "column");
    }

    @Override
    public ValuesState computeState(List<JsonNode> rows) {
        return ValuesState.of(rows, column);
    }

    @Override
    public Metric<Double> computeMetric(ValuesState state) {
        String problem = state.problem();
        if (problem != null) {
            return Metric.undefined(state.values().length, problem);
        }
        return Metric.of(Selection.median(state.values()), state.values().length);
    }
}
