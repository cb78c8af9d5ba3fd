package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How often each non-null value of a column occurs, keyed by {@link ColumnValues#key} (1 and 1.0 count together)
 * in {@link ColumnValues#KEY_ORDER}; counts add, so merging is exact. Memory grows with the distinct values.
 */
public record FrequenciesState(SortedMap<Object, Long> counts) implements State<FrequenciesState> {

    public FrequenciesState {
        TreeMap<Object, Long> copy = new TreeMap<>(ColumnValues.KEY_ORDER);
        copy.putAll(counts);
        counts = Collections.unmodifiableSortedMap(copy);
    }

    static FrequenciesState of(List<JsonNode> rows, String column) {
        TreeMap<Object, Long> counts = new TreeMap<>(ColumnValues.KEY_ORDER);
        for (JsonNode value : ColumnValues.column(rows, column)) {
            if (!ColumnValues.isNull(value)) {
                counts.merge(ColumnValues.key(value), 1L, Long::sum);
            }
        }
        return new FrequenciesState(counts);
    }

    @Override
    public FrequenciesState merge(FrequenciesState other) {
        TreeMap<Object, Long> merged = new TreeMap<>(ColumnValues.KEY_ORDER);
        merged.putAll(counts);
        other.counts.forEach((key, count) -> merged.merge(key, count, Long::sum));
        return new FrequenciesState(merged);
    }

    public long nonNull() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
