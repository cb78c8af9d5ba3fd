package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * How often each distinct non-null value of a column occurs, in {@link ColumnValues#KEY_ORDER}; the distinct
 * set and the most common values follow from it. State: the exact counts ({@link FrequenciesState}).
 */
public record Frequencies(String column) implements Analyzer<FrequenciesState, SortedMap<Object, Long>> {

    public Frequencies {
        Objects.requireNonNull(column, "column");
    }

    @Override
    public FrequenciesState computeState(List<JsonNode> rows) {
        return FrequenciesState.of(rows, column);
    }

    @Override
    public Metric<SortedMap<Object, Long>> computeMetric(FrequenciesState state) {
        return Metric.of(state.counts(), state.nonNull());
    }
}
