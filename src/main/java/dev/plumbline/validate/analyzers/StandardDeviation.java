package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The sample standard deviation (ddof = 1, as pandas) of a column's numeric values; undefined for fewer than two.
 * State: Welford moments ({@link StandardDeviationState}), merged with Chan's formula — equal to the whole-batch
 * value within floating-point rounding, not bit for bit.
 */
public record StandardDeviation(String column) implements Analyzer<StandardDeviationState, Double> {

    public StandardDeviation {
        Objects.requireNonNull(column, "column");
    }

    @Override
    public StandardDeviationState computeState(List<JsonNode> rows) {
        return StandardDeviationState.of(rows, column);
    }

    @Override
    public Metric<Double> computeMetric(StandardDeviationState state) {
        if (state.nonNumeric() > 0) {
            return Metric.undefined(state.n(), Numbers.nonNumeric(state.nonNumeric(), state.n() + state.nonNumeric()));
        }
        if (state.n() < 2) {
            return Metric.undefined(state.n(), state.n() == 0 ? Numbers.NO_VALUES
                    : "a sample standard deviation needs two or more values");
        }
        return Metric.of(Math.sqrt(state.m2() / (state.n() - 1)), state.n());
    }
}
