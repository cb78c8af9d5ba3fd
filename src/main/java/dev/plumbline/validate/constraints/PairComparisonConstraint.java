package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_pair_values_a_to_be_greater_than_b} ({@code or_equal} admits ties) and
 * {@code expect_column_pair_values_to_be_equal}: per record, column A compares with column B. Numbers compare
 * numerically and strings by their text; a null (in a row {@code ignore_row_if} keeps) or values of different
 * kinds never meet the rule. {@link #column()} is "A, B".
 */
public record PairComparisonConstraint(String rule, String columnA, String columnB, boolean orEqual,
        IgnoreRowIf ignore, double mostly) implements Constraint {

    public static final String GREATER = "expect_column_pair_values_a_to_be_greater_than_b";
    public static final String EQUAL = "expect_column_pair_values_to_be_equal";

    public PairComparisonConstraint {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(columnA, "column_A");
        Objects.requireNonNull(columnB, "column_B");
        Objects.requireNonNull(ignore, "ignore_row_if");
        if (!rule.equals(GREATER) && !rule.equals(EQUAL)) {
            throw new IllegalArgumentException("not a column pair comparison: " + rule);
        }
        Tally.requireMostly(mostly);
    }

    @Override
    public String column() {
        return columnA + ", " + columnB;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        boolean equal = rule.equals(EQUAL);
        String relation = equal ? "equal to" : orEqual ? "greater than or equal to" : "greater than";
        return RecordValues.judge(this, List.of(columnA, columnB), ignore, true, mostly, rows, values -> {
            Integer order = compare(values.get(columnA), values.get(columnB));
            boolean expected = order != null && (equal ? order == 0 : orEqual ? order >= 0 : order > 0);
            return expected ? null : columnA + " is not " + relation + " " + columnB;
        }, "where " + columnA + " is not " + relation + " " + columnB);
    }

    static Integer compare(JsonNode a, JsonNode b) {
        BigDecimal numberA = ColumnValues.decimal(a);
        BigDecimal numberB = ColumnValues.decimal(b);
        if (numberA != null && numberB != null) {
            return numberA.compareTo(numberB);
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().compareTo(b.textValue());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return Boolean.compare(a.booleanValue(), b.booleanValue());
        }
        return null;
    }
}
