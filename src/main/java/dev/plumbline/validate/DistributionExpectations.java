package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Expectations.Expectation;
import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.CategoricalKlDivergence;
import dev.plumbline.validate.analyzers.CategoricalPartition;
import dev.plumbline.validate.analyzers.ChiSquareTest;
import dev.plumbline.validate.analyzers.ContinuousKlDivergence;
import dev.plumbline.validate.analyzers.ContinuousPartition;
import dev.plumbline.validate.analyzers.Distribution;
import dev.plumbline.validate.analyzers.KolmogorovSmirnovTest;
import dev.plumbline.validate.constraints.MetricThresholdConstraint;
import dev.plumbline.validate.constraints.MetricThresholdConstraint.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The distributional Great Expectations expectations. Their reference (partition_object, distribution and
 * params) is frozen in the contract and never derived from the batch being checked.
 */
final class DistributionExpectations {

    static final String KL = "expect_column_kl_divergence_to_be_less_than";
    static final String CHI_SQUARE = "expect_column_chisquare_test_p_value_to_be_greater_than";
    static final String KS = "expect_column_parameterized_distribution_ks_test_p_value_to_be_greater_than";

    private DistributionExpectations() {
    }

    static void register(Map<String, Expectation> registry) {
        registry.put(KL, new Expectation(List.of("column", "partition_object", "threshold",
                "internal_weight_holdout", "tail_weight_holdout", "bucketize_data"), DistributionExpectations::kl));
        registry.put(CHI_SQUARE, new Expectation(List.of("column", "partition_object", "p", "tail_weight_holdout"),
                kwargs -> new MetricThresholdConstraint(CHI_SQUARE, kwargs.column(), "chi-square p-value",
                        built(kwargs, () -> new ChiSquareTest(kwargs.column(), categorical(kwargs),
                                weight(kwargs, "tail_weight_holdout"))),
                        Comparison.GREATER_THAN, probability(kwargs, "p"))));
        registry.put(KS, new Expectation(List.of("column", "distribution", "p_value", "params"),
                kwargs -> new MetricThresholdConstraint(KS, kwargs.column(), "KS test p-value",
                        built(kwargs, () -> new KolmogorovSmirnovTest(kwargs.column(), distribution(kwargs))),
                        Comparison.AT_LEAST, probability(kwargs, "p_value"))));
        CramersPhiExpectation.register(registry);
        PsiExpectation.register(registry);
        DriftMetricExpectations.register(registry);
    }

    private static Constraint kl(Kwargs kwargs) {
        JsonNode partition = partition(kwargs);
        double internal = weight(kwargs, "internal_weight_holdout");
        double tail = weight(kwargs, "tail_weight_holdout");
        JsonNode bucketize = kwargs.value("bucketize_data");
        Analyzer<?, ?> analyzer;
        if (partition.has("values")) {
            if (internal > 0) {
                throw kwargs.wrong("internal_weight_holdout cannot be used for discrete data");
            }
            analyzer = built(kwargs, () -> new CategoricalKlDivergence(kwargs.column(), categorical(kwargs), tail));
        } else {
            if (bucketize != null && bucketize.isBoolean() && !bucketize.booleanValue()) {
                throw kwargs.wrong("a continuous partition_object needs bucketize_data");
            }
            analyzer = built(kwargs, () -> new ContinuousKlDivergence(kwargs.column(), continuous(kwargs), internal,
                    tail));
        }
        JsonNode threshold = kwargs.value("threshold");
        if (threshold != null && (!threshold.isNumber() || threshold.doubleValue() < 0)) {
            throw kwargs.wrong("threshold must be a non-negative number, got " + threshold);
        }
        return new MetricThresholdConstraint(KL, kwargs.column(), "KL divergence", analyzer, Comparison.AT_MOST,
                threshold == null ? null : threshold.doubleValue());
    }

    private static JsonNode partition(Kwargs kwargs) {
        JsonNode partition = kwargs.value("partition_object");
        if (partition == null || !partition.isObject() || !(partition.has("values") || partition.has("bins"))) {
            throw kwargs.wrong("partition_object must give the frozen reference as values and weights or bins and "
                    + "weights; Plumbline never derives it from the batch being checked");
        }
        return partition;
    }

    private static CategoricalPartition categorical(Kwargs kwargs) {
        JsonNode partition = partition(kwargs);
        if (!partition.has("values")) {
            throw kwargs.wrong("partition_object must be categorical (values and weights)");
        }
        List<Object> values = new ArrayList<>();
        partition.path("values").forEach(value -> values.add(ColumnValues.key(value)));
        return new CategoricalPartition(values, numbers(kwargs, partition.path("weights"), "weights"));
    }

    private static ContinuousPartition continuous(Kwargs kwargs) {
        JsonNode partition = partition(kwargs);
        JsonNode tails = partition.get("tail_weights");
        return new ContinuousPartition(numbers(kwargs, partition.path("bins"), "bins"),
                numbers(kwargs, partition.path("weights"), "weights"),
                tails == null ? null : numbers(kwargs, tails, "tail_weights"));
    }

    private static Distribution distribution(Kwargs kwargs) {
        JsonNode name = kwargs.value("distribution");
        JsonNode params = kwargs.value("params");
        if (name == null || !name.isTextual()) {
            throw kwargs.wrong("distribution must name a scipy distribution, e.g. norm");
        }
        if (params == null) {
            throw kwargs.wrong("params are required: the reference distribution is frozen in the contract");
        }
        return new Distribution(name.textValue(), params.isArray() ? numbers(kwargs, params, "params")
                : DistributionParameters.positional(kwargs, name.textValue(), params));
    }

    static List<Double> numbers(Kwargs kwargs, JsonNode list, String key) {
        List<Double> numbers = new ArrayList<>();
        if (!list.isArray()) {
            throw kwargs.wrong(key + " must be a list of numbers");
        }
        for (JsonNode number : list) {
            if (!number.isNumber()) {
                throw kwargs.wrong(key + " must be a list of numbers, got " + number);
            }
            numbers.add(number.doubleValue());
        }
        return numbers;
    }

    private static double weight(Kwargs kwargs, String key) {
        JsonNode weight = kwargs.value(key);
        if (weight == null) {
            return 0.0;
        }
        if (!weight.isNumber() || weight.doubleValue() < 0 || weight.doubleValue() > 1) {
            throw kwargs.wrong(key + " must be greater than or equal to 0 and less than or equal to 1, got "
                    + weight);
        }
        return weight.doubleValue();
    }

    private static double probability(Kwargs kwargs, String key) {
        JsonNode p = kwargs.value(key);
        if (p == null) {
            return 0.05;
        }
        if (!p.isNumber() || p.doubleValue() <= 0 || p.doubleValue() >= 1) {
            throw kwargs.wrong(key + " must be a number between 0 and 1 exclusive, got " + p);
        }
        return p.doubleValue();
    }

    /** Builds an analyzer, turning the reference's own validation into a problem with the rule. */
    static <A> A built(Kwargs kwargs, Supplier<A> analyzer) {
        try {
            return analyzer.get();
        } catch (IllegalArgumentException e) {
            throw kwargs.wrong(e.getMessage());
        }
    }
}
