package dev.plumbline.validate.constraints;

import dev.plumbline.validate.AnalysisBasedConstraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.Metric;
import java.util.Objects;

/**
 * A distributional rule: a statistic of the batch against a frozen reference (KL divergence, a test's p-value,
 * Cramér's phi) compares with a threshold. A null threshold always succeeds (Great Expectations' profiling
 * mode); a statistic that cannot be measured otherwise fails the batch with no observed value.
 */
public record MetricThresholdConstraint(String rule, String column, String label, Analyzer<?, ?> analyzer,
        Comparison comparison, Double threshold) implements AnalysisBasedConstraint {

    /** How the statistic must relate to the threshold. */
    public enum Comparison {
        LESS_THAN("below"), AT_MOST("at most"), GREATER_THAN("above"), AT_LEAST("at least");

        private final String words;

        Comparison(String words) {
            this.words = words;
        }

        boolean holds(double value, double threshold) {
            return switch (this) {
                case LESS_THAN -> value < threshold;
                case AT_MOST -> value <= threshold;
                case GREATER_THAN -> value > threshold;
                case AT_LEAST -> value >= threshold;
            };
        }
    }

    public MetricThresholdConstraint {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(analyzer, "analyzer");
        Objects.requireNonNull(comparison, "comparison");
    }

    @Override
    public ConstraintResult evaluate(Metric<?> metric) {
        String expected = threshold == null ? "no threshold"
                : "expected " + comparison.words + " " + Aggregates.number(threshold);
        if (!metric.isDefined()) {
            return Aggregates.result(this, metric, threshold == null,
                    label + " unknown: " + metric.problem() + ", " + expected, null);
        }
        double value = ((Number) metric.value()).doubleValue();
        return Aggregates.result(this, metric, threshold == null || comparison.holds(value, threshold),
                label + " " + Aggregates.number(value) + ", " + expected, Aggregates.json(metric.value()));
    }
}
