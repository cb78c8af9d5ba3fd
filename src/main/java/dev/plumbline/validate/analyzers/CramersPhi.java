package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cramér's phi (V) of two columns, the strength of their association from 0 to 1, as Great Expectations'
 * expect_column_pair_cramers_phi_value_to_be_less_than: each column grouped by its {@link Binning}, the
 * chi-square statistic of their contingency table (Yates-corrected for a 2×2 table, as scipy) over all rows.
 * State: exact counts of value pairs ({@link PairFrequenciesState}); the bins follow from the merged counts.
 */
public record CramersPhi(String columnA, String columnB, Binning binningA, Binning binningB)
        implements Analyzer<PairFrequenciesState, Double> {

    public CramersPhi {
        Objects.requireNonNull(columnA, "columnA");
        Objects.requireNonNull(columnB, "columnB");
        Objects.requireNonNull(binningA, "binningA");
        Objects.requireNonNull(binningB, "binningB");
    }

    @Override
    public PairFrequenciesState computeState(List<JsonNode> rows) {
        return PairFrequenciesState.of(rows, columnA, columnB);
    }

    @Override
    public Metric<Double> computeMetric(PairFrequenciesState state) {
        Map<Object, Object> categoriesA = binningA.categories(frequencies(state, 0));
        Map<Object, Object> categoriesB = binningB.categories(frequencies(state, 1));
        Map<Object, Map<Object, Long>> table = new LinkedHashMap<>();
        state.counts().forEach((pair, count) -> table
                .computeIfAbsent(categoriesA.get(pair.get(0)), a -> new LinkedHashMap<>())
                .merge(categoriesB.get(pair.get(1)), count, Long::sum));
        List<Object> columns = table.values().stream().flatMap(row -> row.keySet().stream()).distinct().toList();
        long n = state.counts().values().stream().mapToLong(Long::longValue).sum();
        int smaller = Math.min(table.size(), columns.size());
        if (n == 0 || smaller < 2) {
            return Metric.undefined(n, "needs at least two categories in each column");
        }
        double phi = Math.sqrt(chiSquare(table, columns, n) / n / (smaller - 1));
        return Metric.of(Math.max(0.0, Math.min(1.0, phi)), n);
    }

    private static double chiSquare(Map<Object, Map<Object, Long>> table, List<Object> columns, long n) {
        Map<Object, Long> columnTotals = new LinkedHashMap<>();
        table.values().forEach(row -> row.forEach((column, count) -> columnTotals.merge(column, count, Long::sum)));
        boolean yates = table.size() == 2 && columns.size() == 2;
        double statistic = 0.0;
        for (Map<Object, Long> row : table.values()) {
            long rowTotal = row.values().stream().mapToLong(Long::longValue).sum();
            for (Object column : columns) {
                double expected = (double) rowTotal * columnTotals.get(column) / n;
                double difference = Math.abs(row.getOrDefault(column, 0L) - expected);
                if (yates) {
                    difference = Math.max(0.0, difference - Math.min(0.5, difference));
                }
                statistic += difference * difference / expected;
            }
        }
        return statistic;
    }

    private static LinkedHashMap<Object, Long> frequencies(PairFrequenciesState state, int side) {
        LinkedHashMap<Object, Long> frequencies = new LinkedHashMap<>();
        state.counts().forEach((pair, count) -> frequencies.merge(pair.get(side), count, Long::sum));
        return frequencies;
    }
}
