package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_values_to_be_between}: the non-null values of the column are numbers within the bounds
 * (either bound may be absent, strict bounds exclude themselves).
 */
public record BetweenConstraint(String column, BigDecimal minValue, BigDecimal maxValue, boolean strictMin,
        boolean strictMax, double mostly) implements Constraint {

    public static final String RULE = "expect_column_values_to_be_between";

    public BetweenConstraint {
        Objects.requireNonNull(column, "column");
        if (minValue == null && maxValue == null) {
            throw new IllegalArgumentException("min_value or max_value is required");
        }
        if (minValue != null && maxValue != null && minValue.compareTo(maxValue) > 0) {
            throw new IllegalArgumentException("min_value " + minValue + " is greater than max_value " + maxValue);
        }
        minValue = minValue == null ? null : minValue.stripTrailingZeros();
        maxValue = maxValue == null ? null : maxValue.stripTrailingZeros();
        Tally.requireMostly(mostly);
    }

    public BetweenConstraint(String column, BigDecimal minValue, BigDecimal maxValue) {
        this(column, minValue, maxValue, false, false, 1.0);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        Tally tally = new Tally(this);
        tally.judgeNonNull(rows, value -> problem(ColumnValues.decimal(value)));
        return tally.result(mostly, observed(rows, tally));
    }

    private String problem(BigDecimal number) {
        if (number == null) {
            return "is not a number";
        }
        if (minValue != null) {
            int sign = number.compareTo(minValue);
            if (strictMin && sign <= 0) {
                return "is not above the exclusive minimum " + JsonValues.number(minValue);
            }
            if (sign < 0) {
                return "is below the minimum " + JsonValues.number(minValue);
            }
        }
        if (maxValue != null) {
            int sign = number.compareTo(maxValue);
            if (strictMax && sign >= 0) {
                return "is not below the exclusive maximum " + JsonValues.number(maxValue);
            }
            if (sign > 0) {
                return "is above the maximum " + JsonValues.number(maxValue);
            }
        }
        return null;
    }

    private String observed(List<JsonNode> rows, Tally tally) {
        if (tally.evaluated() == 0) {
            return Tally.NO_VALUES;
        }
        BigDecimal min = null;
        BigDecimal max = null;
        int numbers = 0;
        for (JsonNode value : ColumnValues.column(rows, column)) {
            BigDecimal number = ColumnValues.decimal(value);
            if (number != null) {
                numbers++;
                min = min == null || number.compareTo(min) < 0 ? number : min;
                max = max == null || number.compareTo(max) > 0 ? number : max;
            }
        }
        int notNumbers = tally.evaluated() - numbers;
        StringBuilder observed = new StringBuilder().append(tally.unexpected() - notNumbers).append(" out of range");
        if (notNumbers > 0) {
            observed.append(", ").append(notNumbers).append(" not a number");
        }
        if (numbers > 0) {
            observed.append("; min ").append(JsonValues.number(min)).append(", max ").append(JsonValues.number(max));
        }
        return observed.toString();
    }
}
