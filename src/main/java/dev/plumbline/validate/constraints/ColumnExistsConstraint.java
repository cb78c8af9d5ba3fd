package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_to_exist}: some row of the batch has the field (even holding null), and with
 * {@code column_index} it is at that 0-based position among the batch's columns in first-seen order.
 */
public record ColumnExistsConstraint(String column, Integer columnIndex) implements Constraint {

    public static final String RULE = "expect_column_to_exist";

    public ColumnExistsConstraint {
        Objects.requireNonNull(column, "column");
        if (columnIndex != null && columnIndex < 0) {
            throw new IllegalArgumentException("column_index must be 0 or more, got " + columnIndex);
        }
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        List<String> columns = TableShape.columns(rows);
        int index = columns.indexOf(column);
        boolean success = index >= 0 && (columnIndex == null || index == columnIndex);
        String observed = index < 0 ? "no such column"
                : success ? "present" : "at position " + index + ", expected " + columnIndex;
        return TableShape.result(this, success, observed, null);
    }
}
