package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code expect_column_pair_values_to_be_in_set}: per record, the pair (column A, column B) is one of the
 * allowed pairs of JSON scalars (numbers compare numerically; a null is only matched by a null). {@link #column()}
 * is "A, B".
 */
public record PairInSetConstraint(String columnA, String columnB, List<List<JsonNode>> valuePairs,
        IgnoreRowIf ignore, double mostly) implements Constraint {

    public static final String RULE = "expect_column_pair_values_to_be_in_set";

    public PairInSetConstraint {
        Objects.requireNonNull(columnA, "column_A");
        Objects.requireNonNull(columnB, "column_B");
        Objects.requireNonNull(ignore, "ignore_row_if");
        valuePairs = valuePairs.stream().map(List::copyOf).toList();
        if (valuePairs.isEmpty() || !valuePairs.stream().allMatch(pair -> pair.size() == 2
                && pair.stream().allMatch(JsonNode::isValueNode))) {
            throw new IllegalArgumentException("value_pairs_set must list one or more pairs of scalars");
        }
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public String column() {
        return columnA + ", " + columnB;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        Set<List<Object>> allowed = valuePairs.stream().map(pair -> key(pair.get(0), pair.get(1)))
                .collect(Collectors.toSet());
        return RecordValues.judge(this, List.of(columnA, columnB), ignore, true, mostly, rows,
                values -> allowed.contains(key(values.get(columnA), values.get(columnB))) ? null
                        : "not an allowed pair", "not an allowed pair");
    }

    private static List<Object> key(JsonNode a, JsonNode b) {
        return Arrays.asList(ColumnValues.isNull(a) ? null : ColumnValues.key(a),
                ColumnValues.isNull(b) ? null : ColumnValues.key(b));
    }
}
