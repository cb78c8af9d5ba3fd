package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How often each pair of values (a {@link ColumnValues#key} or null for a missing value) of two columns occurs,
 * in order of first appearance; counts add, so merging is exact (the merged order is this batch's, then the
 * other's new pairs).
 */
public record PairFrequenciesState(Map<List<Object>, Long> counts) implements State<PairFrequenciesState> {

    public PairFrequenciesState {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    static PairFrequenciesState of(List<JsonNode> rows, String columnA, String columnB) {
        Map<List<Object>, Long> counts = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            counts.merge(Arrays.asList(key(ColumnValues.field(row, columnA)), key(ColumnValues.field(row, columnB))),
                    1L, Long::sum);
        }
        return new PairFrequenciesState(counts);
    }

    @Override
    public PairFrequenciesState merge(PairFrequenciesState other) {
        Map<List<Object>, Long> merged = new LinkedHashMap<>(counts);
        other.counts.forEach((pair, count) -> merged.merge(pair, count, Long::sum));
        return new PairFrequenciesState(merged);
    }

    private static Object key(JsonNode value) {
        return ColumnValues.isNull(value) ? null : ColumnValues.key(value);
    }
}
