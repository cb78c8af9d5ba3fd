package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;

/**
 * The table-level counts: {@code expect_table_row_count_to_be_between}, {@code …_row_count_to_equal},
 * {@code expect_table_column_count_to_be_between} and {@code …_column_count_to_equal}. The count of the batch is
 * within inclusive bounds; with neither bound every count passes, as in Great Expectations. Its
 * {@link #column()} is null: it is about the whole batch.
 */
public record CountConstraint(String rule, Integer min, Integer max) implements Constraint {

    public static final String ROWS_BETWEEN = "expect_table_row_count_to_be_between";
    public static final String ROWS_EQUAL = "expect_table_row_count_to_equal";
    public static final String COLUMNS_BETWEEN = "expect_table_column_count_to_be_between";
    public static final String COLUMNS_EQUAL = "expect_table_column_count_to_equal";

    public CountConstraint {
        if (!List.of(ROWS_BETWEEN, ROWS_EQUAL, COLUMNS_BETWEEN, COLUMNS_EQUAL).contains(rule)) {
            throw new IllegalArgumentException("not a table count rule: " + rule);
        }
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException("min_value " + min + " is greater than max_value " + max);
        }
    }

    public static CountConstraint equal(String rule, int count) {
        return new CountConstraint(rule, count, count);
    }

    @Override
    public String column() {
        return null;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        boolean ofRows = rule.equals(ROWS_BETWEEN) || rule.equals(ROWS_EQUAL);
        int count = ofRows ? rows.size() : TableShape.columns(rows).size();
        boolean success = (min == null || count >= min) && (max == null || count <= max);
        String observed = count + (ofRows ? " rows" : " columns") + (success ? "" : ", expected " + expected());
        return TableShape.result(this, success, observed, IntNode.valueOf(count));
    }

    private String expected() {
        if (Objects.equals(min, max)) {
            return String.valueOf(min);
        }
        return min == null ? "at most " + max : max == null ? "at least " + min : min + " to " + max;
    }
}
