package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        // scalars are counted by hash first (ordering every value's key in the tree cost a comparison chain per
        // value); arrays and objects go straight to the tree, whose order by JSON text also decides their equality
        TreeMap<Object, Long> counts = new TreeMap<>(ColumnValues.KEY_ORDER);
        Map<Object, long[]> scalars = new HashMap<>();
        ColumnVector values = ColumnValues.vector(rows, column);
        for (int i = 0; i < values.size(); i++) {
            byte kind = values.kind(i);
            if (kind == ColumnVector.OTHER) {
                counts.merge(ColumnValues.key(values.node(i)), 1L, Long::sum);
            } else if (kind != ColumnVector.NULL) {
                Object key = kind == ColumnVector.TEXT ? values.text(i) : ColumnValues.key(values.node(i));
                scalars.computeIfAbsent(key, k -> new long[1])[0]++;
            }
        }
        scalars.forEach((key, count) -> counts.merge(key, count[0], Long::sum));
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
