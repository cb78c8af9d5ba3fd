package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one constraint found in one micro-batch: how many values it evaluated, how many were unexpected, a
 * short summary for a dashboard, the metric it measured where it measures one (Great Expectations'
 * {@code observed_value}, e.g. a column's mean; null for per-value rules), and the failing rows by their
 * 0-based index in the batch.
 */
public record ConstraintResult(String rule, String column, double mostly, int evaluated, int unexpected,
        boolean success, String observed, JsonNode observedValue, Map<Integer, RowFailure> rowFailures) {

    public ConstraintResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(observed, "observed");
        rowFailures = Collections.unmodifiableMap(new TreeMap<>(rowFailures));
    }

    /**
     * Whether the failing rows go to quarantine. A rule that tolerates a share of failures ({@code mostly}
     * below 1) judges the batch, not its records: its failures raise the batch's alarm, not a record's.
     */
    public boolean quarantinesFailingRows() {
        return mostly >= 1.0;
    }
}
