package dev.plumbline.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Expectations.Expectation;
import dev.plumbline.validate.analyzers.Analyzer;
import dev.plumbline.validate.analyzers.CountDistinct;
import dev.plumbline.validate.analyzers.Interpolation;
import dev.plumbline.validate.analyzers.Maximum;
import dev.plumbline.validate.analyzers.Mean;
import dev.plumbline.validate.analyzers.Median;
import dev.plumbline.validate.analyzers.Minimum;
import dev.plumbline.validate.analyzers.QuantileValues;
import dev.plumbline.validate.analyzers.StandardDeviation;
import dev.plumbline.validate.analyzers.Sum;
import dev.plumbline.validate.analyzers.UniqueProportion;
import dev.plumbline.validate.constraints.Bounds;
import dev.plumbline.validate.constraints.DistinctValuesConstraint;
import dev.plumbline.validate.constraints.MetricBetweenConstraint;
import dev.plumbline.validate.constraints.MostCommonValueConstraint;
import dev.plumbline.validate.constraints.QuantileValuesConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The batch-level (aggregate) Great Expectations expectations, registered into {@link Expectations}. */
final class AggregateExpectations {

    private static final List<String> BETWEEN = List.of("column", "min_value", "max_value", "strict_min",
            "strict_max");

    private AggregateExpectations() {
    }

    static void register(Map<String, Expectation> registry) {
        between(registry, "min", Minimum::new, true, true);
        between(registry, "max", Maximum::new, true, true);
        between(registry, "sum", Sum::new, false, true);
        between(registry, "mean", Mean::new, false, false);
        between(registry, "median", Median::new, false, false);
        between(registry, "stdev", StandardDeviation::new, false, false);
        registry.put("expect_column_unique_value_count_to_be_between", new Expectation(BETWEEN,
                kwargs -> metricBetween(kwargs, "expect_column_unique_value_count_to_be_between",
                        "unique value count", CountDistinct::new, false, false)));
        registry.put("expect_column_proportion_of_unique_values_to_be_between", new Expectation(BETWEEN,
                kwargs -> metricBetween(kwargs, "expect_column_proportion_of_unique_values_to_be_between",
                        "proportion of unique values", UniqueProportion::new, false, false)));
        registry.put(QuantileValuesConstraint.RULE, new Expectation(
                List.of("column", "quantile_ranges", "allow_relative_error"), AggregateExpectations::quantiles));
        registry.put(MostCommonValueConstraint.RULE, new Expectation(List.of("column", "value_set", "ties_okay"),
                kwargs -> new MostCommonValueConstraint(kwargs.column(), valueSet(kwargs, false),
                        kwargs.flag("ties_okay"))));
        for (DistinctValuesConstraint.Relation relation : DistinctValuesConstraint.Relation.values()) {
            registry.put(relation.rule(), new Expectation(List.of("column", "value_set"),
                    kwargs -> new DistinctValuesConstraint(kwargs.column(), relation,
                            valueSet(kwargs, relation == DistinctValuesConstraint.Relation.IN_SET))));
        }
        DistributionExpectations.register(registry);
    }

    private static void between(Map<String, Expectation> registry, String metric,
            Function<String, Analyzer<?, ?>> analyzer, boolean textBounds, boolean boundRequired) {
        String rule = "expect_column_" + metric + "_to_be_between";
        registry.put(rule, new Expectation(BETWEEN,
                kwargs -> metricBetween(kwargs, rule, metric, analyzer, textBounds, boundRequired)));
    }

    private static Constraint metricBetween(Kwargs kwargs, String rule, String label,
            Function<String, Analyzer<?, ?>> analyzer, boolean textBounds, boolean boundRequired) {
        Bounds bounds = bounds(kwargs, textBounds);
        if (boundRequired && bounds.isUnbounded()) {
            throw kwargs.wrong("min_value and max_value cannot both be None; give one or both");
        }
        String column = kwargs.column();
        return new MetricBetweenConstraint(rule, column, label, analyzer.apply(column), bounds);
    }

    private static Bounds bounds(Kwargs kwargs, boolean textBounds) {
        JsonNode min = bound(kwargs, "min_value", textBounds);
        JsonNode max = bound(kwargs, "max_value", textBounds);
        try {
            return new Bounds(min, max, kwargs.flag("strict_min"), kwargs.flag("strict_max"));
        } catch (IllegalArgumentException e) {
            throw kwargs.wrong(e.getMessage());
        }
    }

    private static JsonNode bound(Kwargs kwargs, String key, boolean text) {
        JsonNode bound = kwargs.value(key);
        if (bound != null && !bound.isNumber() && !(text && bound.isTextual())) {
            throw kwargs.wrong(key + " must be a number" + (text ? " or a string (e.g. an ISO-8601 timestamp)" : "")
                    + ", got " + bound);
        }
        return bound;
    }

    private static Constraint quantiles(Kwargs kwargs) {
        JsonNode ranges = kwargs.value("quantile_ranges");
        JsonNode quantiles = ranges == null ? null : ranges.get("quantiles");
        JsonNode valueRanges = ranges == null ? null : ranges.get("value_ranges");
        if (quantiles == null || !quantiles.isArray() || valueRanges == null || !valueRanges.isArray()
                || quantiles.size() != valueRanges.size() || quantiles.isEmpty()) {
            throw kwargs.wrong("quantile_ranges must have quantiles and value_ranges lists of the same length");
        }
        List<Double> qs = new ArrayList<>();
        List<Bounds> bounds = new ArrayList<>();
        for (int i = 0; i < quantiles.size(); i++) {
            JsonNode q = quantiles.get(i);
            JsonNode range = valueRanges.get(i);
            if (!q.isNumber() || q.doubleValue() < 0 || q.doubleValue() > 1) {
                throw kwargs.wrong("quantiles must be numbers between 0 and 1, got " + q);
            }
            if (!range.isArray() || range.size() != 2 || !boundOrNull(range.get(0)) || !boundOrNull(range.get(1))) {
                throw kwargs.wrong("each value range must be a pair [min, max] of numbers or nulls, got " + range);
            }
            try {
                bounds.add(new Bounds(range.get(0), range.get(1), false, false));
            } catch (IllegalArgumentException e) {
                throw kwargs.wrong("quantile_ranges must consist of ordered pairs, got " + range);
            }
            qs.add(q.doubleValue());
        }
        String column = kwargs.column();
        return new QuantileValuesConstraint(column, new QuantileValues(column, qs, interpolation(kwargs)), bounds);
    }

    private static boolean boundOrNull(JsonNode bound) {
        return bound.isNull() || bound.isNumber();
    }

    private static Interpolation interpolation(Kwargs kwargs) {
        JsonNode allowRelativeError = kwargs.value("allow_relative_error");
        if (allowRelativeError == null || allowRelativeError.isBoolean() && !allowRelativeError.booleanValue()) {
            return Interpolation.NEAREST;
        }
        return Interpolation.of(allowRelativeError.asText()).orElseThrow(() -> kwargs.wrong(
                "allow_relative_error must be false or one of linear, lower, higher, midpoint, nearest, got "
                        + allowRelativeError));
    }

    /** The value_set argument; null stands for every value where GX reads a missing set as vacuously true. */
    private static List<JsonNode> valueSet(Kwargs kwargs, boolean absentMeansAll) {
        JsonNode set = kwargs.value("value_set");
        if (set == null && absentMeansAll) {
            return null;
        }
        return kwargs.scalars("value_set");
    }
}
