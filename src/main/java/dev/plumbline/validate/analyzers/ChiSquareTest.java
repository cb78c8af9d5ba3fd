package dev.plumbline.validate.analyzers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.special.Gamma;

/**
 * The p-value of Pearson's chi-square goodness-of-fit test of a column's category counts against a frozen
 * categorical reference scaled to the batch size (categories the reference lacks share
 * {@code tailWeightHoldout}), as Great Expectations' expect_column_chisquare_test_p_value_to_be_greater_than.
 * State: exact counts ({@link FrequenciesState}).
 */
public record ChiSquareTest(String column, CategoricalPartition reference, double tailWeightHoldout)
        implements Analyzer<FrequenciesState, Double> {

    public ChiSquareTest {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reference, "reference");
        CategoricalPartition.requireHoldout(tailWeightHoldout);
    }

    @Override
    public FrequenciesState computeState(List<JsonNode> rows) {
        return FrequenciesState.of(rows, column);
    }

    @Override
    public Metric<Double> computeMetric(FrequenciesState state) {
        long n = state.nonNull();
        if (n == 0) {
            return Metric.undefined(0, Numbers.NO_VALUES);
        }
        CategoricalComparison comparison = CategoricalComparison.of(state, reference, tailWeightHoldout);
        double statistic = 0.0;
        for (int i = 0; i < comparison.observed().length; i++) {
            double expected = comparison.expected()[i] * n;
            double difference = comparison.observed()[i] - expected;
            statistic += expected == 0 && difference == 0 ? Double.NaN : difference * difference / expected;
        }
        if (Double.isNaN(statistic)) {
            return Metric.undefined(n, "undefined: a category has neither values nor reference weight");
        }
        int degreesOfFreedom = comparison.observed().length - 1;
        double pValue = Double.isInfinite(statistic) ? 0.0 : degreesOfFreedom == 0 ? 1.0
                : Gamma.regularizedGammaQ(degreesOfFreedom / 2.0, statistic / 2);
        return Metric.of(pValue, n);
    }
}
