package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
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
        ColumnVector values = ColumnValues.vector(rows, column);
        double min = minValue == null ? 0.0 : minValue.doubleValue();
        double max = maxValue == null ? 0.0 : maxValue.doubleValue();
        tally.judgeNonNull(values, row -> problem(values, row, min, max));
        return tally.result(mostly, observed(values, tally));
    }

    private String problem(ColumnVector values, int row, double min, double max) {
        if (values.kind(row) != ColumnVector.NUMBER) {
            return "is not a number";
        }
        if (minValue != null) {
            int sign = values.compare(row, minValue, min);
            if (strictMin && sign <= 0) {
                return "is not above the exclusive minimum " + JsonValues.number(minValue);
            }
            if (sign < 0) {
                return "is below the minimum " + JsonValues.number(minValue);
            }
        }
        if (maxValue != null) {
            int sign = values.compare(row, maxValue, max);
            if (strictMax && sign >= 0) {
                return "is not below the exclusive maximum " + JsonValues.number(maxValue);
            }
            if (sign > 0) {
                return "is above the maximum " + JsonValues.number(maxValue);
            }
        }
        return null;
    }

    private String observed(ColumnVector values, Tally tally) {
        if (tally.evaluated() == 0) {
            return Tally.NO_VALUES;
        }
        int min = -1;
        int max = -1;
        int numbers = 0;
        for (int i = 0; i < values.size(); i++) {
            if (values.kind(i) == ColumnVector.NUMBER) {
                numbers++;
                min = min < 0 || compare(values, i, min) < 0 ? i : min;
                max = max < 0 || compare(values, i, max) > 0 ? i : max;
            }
        }
        int notNumbers = tally.evaluated() - numbers;
        StringBuilder observed = new StringBuilder().append(tally.unexpected() - notNumbers).append(" out of range");
        if (notNumbers > 0) {
            observed.append(", ").append(notNumbers).append(" not a number");
        }
        if (numbers > 0) {
            observed.append("; min ").append(JsonValues.number(values.decimal(min))).append(", max ")
                    .append(JsonValues.number(values.decimal(max)));
        }
        return observed.toString();
    }

    private static int compare(ColumnVector values, int row, int other) {
        return values.compare(row, other);
    }
}
