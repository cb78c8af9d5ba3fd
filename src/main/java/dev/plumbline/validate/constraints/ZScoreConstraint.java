package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_value_z_scores_to_be_less_than}: each non-null value's z-score within this batch (its
 * distance from the batch mean in sample standard deviations) is below {@code threshold}, or its absolute value
 * is below the absolute threshold when {@code double_sided}. A batch whose values do not vary gives every value a
 * z-score of 0. A value that is not a number is unexpected and left out of the mean.
 */
public record ZScoreConstraint(String column, double threshold, boolean doubleSided, double mostly)
        implements Constraint {

    public static final String RULE = "expect_column_value_z_scores_to_be_less_than";

    public ZScoreConstraint {
        Objects.requireNonNull(column, "column");
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number");
        }
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        double[] numbers = rows.stream().map(row -> ColumnValues.decimal(ColumnValues.field(row, column)))
                .filter(Objects::nonNull).mapToDouble(BigDecimal::doubleValue).toArray();
        double mean = java.util.Arrays.stream(numbers).average().orElse(0.0);
        double squares = java.util.Arrays.stream(numbers).map(x -> (x - mean) * (x - mean)).sum();
        double deviation = numbers.length < 2 ? 0.0 : Math.sqrt(squares / (numbers.length - 1));
        String limit = (doubleSided ? "|z| < " + Math.abs(threshold) : "z < " + threshold);
        return ColumnMap.judge(this, mostly, rows, value -> {
            BigDecimal number = ColumnValues.decimal(value);
            if (number == null) {
                return "is not a number";
            }
            double z = deviation == 0.0 ? 0.0 : (number.doubleValue() - mean) / deviation;
            boolean below = doubleSided ? Math.abs(z) < Math.abs(threshold) : z < threshold;
            return below ? null : "has z-score " + String.format(java.util.Locale.ROOT, "%.3g", z) + ", expected "
                    + limit;
        }, "with a z-score beyond " + limit);
    }
}
