package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_values_to_be_between} with timestamp bounds: the non-null values of the column are
 * ISO-8601 timestamps (see {@link Timestamps}) within the bounds, compared in time rather than as text.
 */
public record TimestampBetweenConstraint(String column, LocalDateTime minValue, LocalDateTime maxValue,
        boolean strictMin, boolean strictMax, double mostly) implements Constraint {

    public TimestampBetweenConstraint {
        Objects.requireNonNull(column, "column");
        if (minValue == null && maxValue == null) {
            throw new IllegalArgumentException("min_value or max_value is required");
        }
        if (minValue != null && maxValue != null && minValue.isAfter(maxValue)) {
            throw new IllegalArgumentException("min_value " + Timestamps.iso(minValue) + " is after max_value "
                    + Timestamps.iso(maxValue));
        }
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return BetweenConstraint.RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        return ColumnMap.judge(this, mostly, rows, value -> problem(Timestamps.utc(value)), "out of range");
    }

    private String problem(LocalDateTime timestamp) {
        if (timestamp == null) {
            return "is not an ISO-8601 timestamp";
        }
        if (minValue != null) {
            int sign = timestamp.compareTo(minValue);
            if (sign < 0 || strictMin && sign == 0) {
                return "is before the " + (strictMin ? "exclusive " : "") + "minimum " + Timestamps.iso(minValue);
            }
        }
        if (maxValue != null) {
            int sign = timestamp.compareTo(maxValue);
            if (sign > 0 || strictMax && sign == 0) {
                return "is after the " + (strictMax ? "exclusive " : "") + "maximum " + Timestamps.iso(maxValue);
            }
        }
        return null;
    }
}
