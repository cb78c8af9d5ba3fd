package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The number of distinct non-null values of a column divided by the number of non-null values (Great
 * Expectations' proportion of unique values). State: the exact counts ({@link FrequenciesState}).
 */
public record UniqueProportion(String column) implements Analyzer<FrequenciesState, Double> {

    public UniqueProportion {
        Objects.requireNonNull(column, "column");
    }

    @Override
    public FrequenciesState computeState(List<JsonNode> rows) {
        return FrequenciesState.of(rows, column);
    }

    @Override
    public Metric<Double> computeMetric(FrequenciesState state) {
        long nonNull = state.nonNull();
        return nonNull == 0 ? Metric.undefined(0, Numbers.NO_VALUES)
                : Metric.of((double) state.counts().size() / nonNull, nonNull);
    }
}
