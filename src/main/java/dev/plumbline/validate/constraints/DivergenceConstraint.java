package dev.plumbline.validate.constraints;

import dev.plumbline.validate.AnalysisBasedConstraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.analyzers.BaselineDivergence;
import dev.plumbline.validate.analyzers.Metric;
import java.util.Objects;

/**
 * A drift rule the contract picks next to PSI ({@code expect_column_js_distance_to_be_less_than},
 * {@code expect_column_ks_statistic_to_be_less_than}): the measure of the column against the baseline frozen in
 * the contract is at most {@code threshold}. Below {@code minSample} values the result is "insufficient data" and
 * succeeds, as PSI's does: no verdict, not drift.
 */
public record DivergenceConstraint(String rule, String label, String column, BaselineDivergence analyzer,
        double threshold, long minSample) implements AnalysisBasedConstraint {

    public DivergenceConstraint {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(analyzer, "analyzer");
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("threshold must be above 0, got " + threshold);
        }
        if (minSample < 1) {
            throw new IllegalArgumentException("min_sample must be at least 1, got " + minSample);
        }
    }

    @Override
    public ConstraintResult evaluate(Metric<?> metric) {
        if (metric.evaluated() < minSample) {
            return Aggregates.result(this, metric, true, "insufficient data: " + metric.evaluated() + " of the "
                    + minSample + " values " + label + " needs", null);
        }
        if (!metric.isDefined()) {
            return Aggregates.undefined(this, metric, label);
        }
        double value = (Double) metric.value();
        return Aggregates.result(this, metric, value <= threshold, label + " " + Aggregates.number(value) + " over "
                + metric.evaluated() + " values, expected at most " + Aggregates.number(threshold),
                Aggregates.json(value));
    }
}
