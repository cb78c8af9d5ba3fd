package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code expect_column_values_to_be_in_set}: the non-null values of the column are among a set of JSON scalars
 * (strings equal strings, numbers compare numerically); as in Great Expectations, an empty set admits no value.
 */
public record InSetConstraint(String column, List<JsonNode> valueSet, double mostly) implements Constraint {

    public static final String RULE = "expect_column_values_to_be_in_set";

    private static final int SHOWN = 10;
    private static final int SHOWN_UNEXPECTED = 5;

    public InSetConstraint {
        Objects.requireNonNull(column, "column");
        valueSet = List.copyOf(valueSet);
        if (!valueSet.stream().allMatch(v -> v.isValueNode() && !v.isNull())) {
            throw new IllegalArgumentException("value_set must list strings, numbers or booleans");
        }
        Tally.requireMostly(mostly);
    }

    public InSetConstraint(String column, List<JsonNode> valueSet) {
        this(column, valueSet, 1.0);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        Set<Object> allowed = valueSet.stream().map(ColumnValues::key).collect(Collectors.toSet());
        String reason = valueSet.isEmpty() ? "is not in the empty value_set"
                : "is not one of " + shown(valueSet.stream().map(JsonValues::plain).toList(), SHOWN);
        Tally tally = new Tally(this);
        Map<String, Integer> unexpectedCounts = new LinkedHashMap<>();
        ColumnVector values = ColumnValues.vector(rows, column);
        tally.judgeNonNull(values, row -> {
            // a string's key is the string itself
            Object key = values.kind(row) == ColumnVector.TEXT ? values.text(row) : ColumnValues.key(values.node(row));
            if (allowed.contains(key)) {
                return null;
            }
            unexpectedCounts.merge(JsonValues.plain(values.node(row)), 1, Integer::sum);
            return reason;
        });
        return tally.result(mostly, observed(tally, unexpectedCounts));
    }

    private static String observed(Tally tally, Map<String, Integer> unexpectedCounts) {
        if (tally.evaluated() == 0) {
            return Tally.NO_VALUES;
        }
        if (unexpectedCounts.isEmpty()) {
            return "all " + tally.evaluated() + " in set";
        }
        List<String> counted = unexpectedCounts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(entry -> entry.getKey() + " ×" + entry.getValue())
                .toList();
        return "unexpected values: " + shown(counted, SHOWN_UNEXPECTED);
    }

    private static String shown(List<String> items, int limit) {
        String listed = String.join(", ", items.subList(0, Math.min(limit, items.size())));
        return items.size() <= limit ? listed : listed + ", … (" + (items.size() - limit) + " more)";
    }
}
