package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.validate.AnalysisBasedConstraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.analyzers.Metric;
import dev.plumbline.validate.analyzers.QuantileValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_quantile_values_to_be_between}: each quantile of the column lies within its range;
 * observed_value is {@code {"quantiles": [...], "values": [...]}} as in Great Expectations.
 */
public record QuantileValuesConstraint(String column, QuantileValues analyzer, List<Bounds> ranges)
        implements AnalysisBasedConstraint {

    public static final String RULE = "expect_column_quantile_values_to_be_between";

    public QuantileValuesConstraint {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(analyzer, "analyzer");
        ranges = List.copyOf(ranges);
        if (ranges.size() != analyzer.quantiles().size()) {
            throw new IllegalArgumentException("one value range per quantile is required");
        }
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(Metric<?> metric) {
        if (!metric.isDefined()) {
            return Aggregates.undefined(this, metric, "quantiles");
        }
        List<?> values = (List<?>) metric.value();
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode value = Aggregates.json(values.get(i));
            if (!ranges.get(i).contains(value)) {
                outside.add("q" + Aggregates.number(analyzer.quantiles().get(i)) + " = " + Aggregates.value(value)
                        + " (" + ranges.get(i).describe() + ")");
            }
        }
        ObjectNode observedValue = JsonNodeFactory.instance.objectNode();
        observedValue.set("quantiles", Aggregates.json(analyzer.quantiles()));
        observedValue.set("values", Aggregates.json(values));
        String observed = outside.isEmpty() ? "all " + values.size() + " quantiles in range"
                : outside.size() + " of " + values.size() + " quantiles out of range: " + String.join("; ", outside);
        return Aggregates.result(this, metric, outside.isEmpty(), observed, observedValue);
    }
}
