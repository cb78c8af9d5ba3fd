package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_values_to_be_increasing} and {@code …_to_be_decreasing}: in batch order, each non-null
 * value of the column is not below (not above) the previous non-null value, or strictly above (below) it with
 * {@code strictly}. The first value is always expected. Numbers compare numerically and strings by their text
 * (ISO-8601 timestamps of one layout sort in time order); a value that cannot be compared with the previous
 * one is unexpected and the next value is compared with it.
 */
public record MonotonicConstraint(String column, boolean increasing, boolean strictly, double mostly)
        implements Constraint {

    public static final String INCREASING = "expect_column_values_to_be_increasing";
    public static final String DECREASING = "expect_column_values_to_be_decreasing";

    public MonotonicConstraint {
        Objects.requireNonNull(column, "column");
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return increasing ? INCREASING : DECREASING;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        String direction = (strictly ? "strictly " : "") + (increasing ? "increasing" : "decreasing");
        JsonNode[] previous = {null};
        return ColumnMap.judge(this, mostly, rows, value -> {
            String problem = previous[0] == null ? null : problem(previous[0], value, direction);
            previous[0] = value;
            return problem;
        }, "out of " + direction + " order");
    }

    private String problem(JsonNode previous, JsonNode value, String direction) {
        Integer order = compare(value, previous);
        if (order == null) {
            return "cannot be compared with the previous value " + JsonValues.shortJson(previous);
        }
        int signed = increasing ? order : -order;
        boolean expected = strictly ? signed > 0 : signed >= 0;
        return expected ? null : "is not " + direction + " after " + JsonValues.shortJson(previous);
    }

    private static Integer compare(JsonNode value, JsonNode previous) {
        BigDecimal number = ColumnValues.decimal(value);
        BigDecimal previousNumber = ColumnValues.decimal(previous);
        if (number != null && previousNumber != null) {
            return number.compareTo(previousNumber);
        }
        if (value.isTextual() && previous.isTextual()) {
            return value.textValue().compareTo(previous.textValue());
        }
        return null;
    }
}
