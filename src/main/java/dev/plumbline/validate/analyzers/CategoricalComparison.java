package dev.plumbline.validate.analyzers;

import dev.plumbline.validate.ColumnValues;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Observed counts of a batch lined up against a categorical reference over the union of their categories (in
 * {@link ColumnValues#KEY_ORDER}), as Great Expectations does: categories the batch lacks count 0; categories the
 * reference lacks share {@code tailWeightHoldout} equally, the reference's own weights scaled by the rest.
 */
record CategoricalComparison(double[] observed, double[] expected) {

    static CategoricalComparison of(FrequenciesState state, CategoricalPartition reference, double tailWeightHoldout) {
        SortedMap<Object, Double> expectedByValue = new TreeMap<>(ColumnValues.KEY_ORDER);
        for (int i = 0; i < reference.values().size(); i++) {
            expectedByValue.put(reference.values().get(i), reference.weights().get(i));
        }
        SortedMap<Object, Long> union = new TreeMap<>(ColumnValues.KEY_ORDER);
        expectedByValue.keySet().forEach(value -> union.put(value, 0L));
        union.putAll(state.counts());
        long unexpected = union.keySet().stream().filter(value -> !expectedByValue.containsKey(value)).count();
        double[] observed = new double[union.size()];
        double[] expected = new double[union.size()];
        int i = 0;
        for (Map.Entry<Object, Long> entry : union.entrySet()) {
            observed[i] = entry.getValue();
            Double weight = expectedByValue.get(entry.getKey());
            expected[i] = weight == null ? tailWeightHoldout / unexpected
                    : unexpected > 0 ? weight * (1 - tailWeightHoldout) : weight;
            i++;
        }
        return new CategoricalComparison(observed, expected);
    }
}
