package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The p-value of the two-sided one-sample Kolmogorov-Smirnov test of a column's numeric values against a frozen
 * parameterized distribution, as Great Expectations'
 * expect_column_parameterized_distribution_ks_test_p_value_to_be_greater_than (scipy's kstest). State: the
 * retained values ({@link ValuesState}), since the statistic needs the whole empirical distribution.
 */
public record KolmogorovSmirnovTest(String column, Distribution reference)
        implements Analyzer<ValuesState, Double> {

    public KolmogorovSmirnovTest {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reference, "reference");
    }

    @Override
    public ValuesState computeState(List<JsonNode> rows) {
        return ValuesState.of(rows, column);
    }

    @Override
    public Metric<Double> computeMetric(ValuesState state) {
        String problem = state.problem();
        if (problem != null) {
            return Metric.undefined(state.values().length, problem);
        }
        double[] sorted = state.sorted();
        int n = sorted.length;
        double statistic = 0.0;
        for (int i = 0; i < n; i++) {
            double cdf = reference.cdf(sorted[i]);
            statistic = Math.max(statistic, Math.max((i + 1.0) / n - cdf, cdf - (double) i / n));
        }
        double pValue = 1 - new org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest().cdf(statistic, n);
        return Metric.of(Math.max(0.0, Math.min(1.0, pValue)), n);
    }
}
