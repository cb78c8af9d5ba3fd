package dev.plumbline.validate;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one constraint found in one micro-batch: how many values it evaluated, how many were unexpected, a
 * short summary for a dashboard, and the failing rows by their 0-based index in the batch.
 */
public record ConstraintResult(String rule, String column, int evaluated, int unexpected, boolean success,
        String observed, Map<Integer, RowFailure> rowFailures) {

    public ConstraintResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(observed, "observed");
        rowFailures = Collections.unmodifiableMap(new TreeMap<>(rowFailures));
    }
}
