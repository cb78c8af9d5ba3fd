package dev.plumbline.monitor.history;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One observation of a metric: its labels, when, the value and its weight (a run's pass rate weighs its record
 * count, so a bucket's mean is the share of records that passed, not the mean of the runs' shares).
 */
public record Sample(String metric, SortedMap<String, String> labels, Instant at, double value, double weight) {

    public Sample {
        labels = new TreeMap<>(labels);
        if (!(weight > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("a sample needs a finite value and a positive weight: "
                    + metric + labels + " " + value + " × " + weight);
        }
    }

    public static Sample of(String metric, Map<String, String> labels, Instant at, double value) {
        return weighted(metric, labels, at, value, 1);
    }

    public static Sample weighted(String metric, Map<String, String> labels, Instant at, double value, double weight) {
        return new Sample(metric, new TreeMap<>(labels), at, value, weight);
    }
}
