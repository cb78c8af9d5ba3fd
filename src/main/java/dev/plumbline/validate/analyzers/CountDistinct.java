package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** The number of distinct non-null values of a column. State: the exact counts ({@link FrequenciesState}). */
public record CountDistinct(String column) implements Analyzer<FrequenciesState, Long> {

    public CountDistinct {
        Objects.requireNonNull(column, "column");
    }

    @Override
    public FrequenciesState computeState(List<JsonNode> rows) {
        return FrequenciesState.of(rows, column);
    }

    @Override
    public Metric<Long> computeMetric(FrequenciesState state) {
        return Metric.of((long) state.counts().size(), state.nonNull());
    }
}
