package dev.plumbline.validate.constraints;

import dev.plumbline.validate.AnalysisBasedConstraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.analyzers.Metric;
import dev.plumbline.validate.analyzers.PopulationStabilityIndex;
import java.util.Objects;

/**
 * {@code expect_column_psi_to_be_less_than}: the population stability index of the column against the baseline
 * frozen in the contract is at most {@code threshold}. PSI grows on small samples, so with fewer than
 * {@code minSample} values (nulls included) the result is "insufficient data" and succeeds: no verdict, not drift.
 */
public record PsiConstraint(String column, PopulationStabilityIndex analyzer, double threshold, long minSample)
        implements AnalysisBasedConstraint {

    public static final String RULE = "expect_column_psi_to_be_less_than";
    public static final double DEFAULT_THRESHOLD = 0.2;
    public static final long DEFAULT_MIN_SAMPLE = 100;

    public PsiConstraint {
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
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(Metric<?> metric) {
        String expected = "expected at most " + Aggregates.number(threshold);
        if (metric.evaluated() < minSample) {
            return Aggregates.result(this, metric, true, "insufficient data: " + metric.evaluated() + " of the "
                    + minSample + " values PSI needs", null);
        }
        if (!metric.isDefined()) {
            return Aggregates.undefined(this, metric, "PSI");
        }
        double psi = (Double) metric.value();
        return Aggregates.result(this, metric, psi <= threshold, "PSI " + Aggregates.number(psi) + " over "
                + metric.evaluated() + " values, " + expected, Aggregates.json(psi));
    }
}
