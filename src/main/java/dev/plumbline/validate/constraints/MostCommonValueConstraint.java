package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.AnalysisBasedConstraint;
import dev.plumbline.validate.ConstraintResult;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.analyzers.Frequencies;
import dev.plumbline.validate.analyzers.Metric;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code expect_column_most_common_value_to_be_in_set}: the most common non-null value is in the set. With a
 * tie, the batch fails unless {@code tiesOkay}, when one of the tied values in the set suffices (as in Great
 * Expectations). observed_value is the sorted list of the most common values.
 */
public record MostCommonValueConstraint(String column, List<JsonNode> valueSet, boolean tiesOkay)
        implements AnalysisBasedConstraint {

    public static final String RULE = "expect_column_most_common_value_to_be_in_set";

    public MostCommonValueConstraint {
        Objects.requireNonNull(column, "column");
        valueSet = List.copyOf(valueSet);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public Frequencies analyzer() {
        return new Frequencies(column);
    }

    @Override
    public ConstraintResult evaluate(Metric<?> metric) {
        Map<?, ?> counts = (Map<?, ?>) metric.value();
        if (counts.isEmpty()) {
            return Aggregates.undefined(this, Metric.undefined(0, "no non-null values"), "most common value");
        }
        long top = counts.values().stream().mapToLong(count -> (Long) count).max().orElseThrow();
        List<Object> modes = counts.entrySet().stream().filter(entry -> (Long) entry.getValue() == top)
                .map(Map.Entry::getKey).collect(Collectors.toList());
        Set<Object> expected = valueSet.stream().map(ColumnValues::key).collect(Collectors.toSet());
        long inSet = modes.stream().filter(expected::contains).count();
        boolean success = tiesOkay ? inSet > 0 : modes.size() == 1 && inSet == 1;
        String observed = (modes.size() == 1 ? "most common value " : "tied most common values ")
                + DistinctValuesConstraint.shown(modes) + " (" + top + " of " + metric.evaluated() + ")"
                + (success ? "" : modes.size() > 1 && !tiesOkay ? ", a tie is not allowed" : ", not in set");
        return Aggregates.result(this, metric, success, observed,
                Aggregates.json(modes.stream().map(ColumnValues::json).toList()));
    }
}
