package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.AnalysisBasedConstraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.Metric;
import java.util.Objects;

/**
 * {@code expect_column_<metric>_to_be_between}: one metric of the batch (min, max, mean, median, sum, stdev,
 * unique value count, proportion of unique values) lies within bounds; no bounds at all is vacuously true once
 * the metric is measured. {@code label} names the metric in the summary, e.g. "mean 41.2, expected 0 to 100".
 */
public record MetricBetweenConstraint(String rule, String column, String label, Analyzer<?, ?> analyzer,
        Bounds bounds) implements AnalysisBasedConstraint {

    public MetricBetweenConstraint {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(bounds, "bounds");
    }

    @Override
    public ConstraintResult evaluate(Metric<?> metric) {
        if (!metric.isDefined()) {
            return Aggregates.undefined(this, metric, label);
        }
        JsonNode value = Aggregates.json(metric.value());
        return Aggregates.result(this, metric, bounds.contains(value),
                label + " " + Aggregates.value(value) + ", " + bounds.describe(), value);
    }
}
