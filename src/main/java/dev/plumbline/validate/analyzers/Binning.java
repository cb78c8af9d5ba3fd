package dev.plumbline.validate.analyzers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How Great Expectations groups one column's values into categories for a contingency table: numeric columns
 * into {@code bins} (edges) or {@code nBins} equal-width bins over the batch's range; other columns by value,
 * the {@code nBins} most frequent kept and the rest "(other)", or by the given {@code groups} of values. Missing
 * values form "(missing)".
 */
public record Binning(List<Double> bins, List<List<String>> groups, int nBins) {

    static final String MISSING = "(missing)";

    public Binning {
        bins = bins == null ? null : List.copyOf(bins);
        groups = groups == null ? null : groups.stream().map(List::copyOf).toList();
        if (nBins < 1) {
            throw new IllegalArgumentException("the number of bins must be positive");
        }
    }

    /** The category of each value (null for missing) given how often each value occurs, in first-seen order. */
    Map<Object, Object> categories(LinkedHashMap<Object, Long> frequencies) {
        boolean numeric = !frequencies.isEmpty() && frequencies.keySet().stream()
                .allMatch(key -> key == null || key instanceof BigDecimal)
                && frequencies.keySet().stream().anyMatch(key -> key != null);
        Map<Object, Object> categories = new HashMap<>();
        categories.put(null, MISSING);
        if (numeric) {
            double[] edges = edges(frequencies);
            for (Object key : frequencies.keySet()) {
                if (key != null) {
                    categories.put(key, bin(edges, ((BigDecimal) key).doubleValue()));
                }
            }
            return categories;
        }
        List<Object> kept = frequencies.entrySet().stream().filter(entry -> entry.getKey() != null)
                .sorted(Map.Entry.<Object, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        for (int i = 0; i < kept.size(); i++) {
            Object key = kept.get(i);
            categories.put(key, groups != null ? group(key) : kept.size() < nBins + 1 || i < nBins ? key : "(other)");
        }
        return categories;
    }

    private Object group(Object key) {
        for (List<String> group : groups) {
            if (group.contains(key.toString())) {
                return String.join(", ", group);
            }
        }
        return key;
    }

    private double[] edges(Map<Object, Long> frequencies) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Object key : frequencies.keySet()) {
            if (key != null) {
                min = Math.min(min, ((BigDecimal) key).doubleValue());
                max = Math.max(max, ((BigDecimal) key).doubleValue());
            }
        }
        List<Double> edges = new ArrayList<>();
        if (bins != null) {
            edges.addAll(new TreeSet<>(bins));
            if (min < edges.get(0)) {
                edges.add(0, min);
            }
            if (max > edges.get(edges.size() - 1)) {
                edges.add(max);
            }
        } else {
            double low = min == max ? min - 0.5 : min;
            double high = min == max ? max + 0.5 : max;
            for (int i = 0; i <= nBins; i++) {
                // numpy's linspace: start + i·step, the last edge exactly the stop
                edges.add(i == nBins ? high : low + i * ((high - low) / nBins));
            }
        }
        int last = edges.size() - 1;
        edges.set(last, Math.nextUp(edges.get(last)));
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Object bin(double[] edges, double x) {
        for (int i = edges.length - 2; i >= 0; i--) {
            if (x >= edges[i]) {
                return i;
            }
        }
        return -1;
    }
}
