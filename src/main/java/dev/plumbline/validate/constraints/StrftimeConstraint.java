package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_values_to_match_strftime_format}: the non-null values of the column are strings in a
 * Python {@code strptime} format. A value that is not a string is unexpected (Great Expectations raises an error
 * instead; Plumbline judges data, it does not fail the batch on it).
 */
public record StrftimeConstraint(String column, StrftimeFormat format, double mostly) implements Constraint {

    public static final String RULE = "expect_column_values_to_match_strftime_format";

    public StrftimeConstraint {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(format, "format");
        Tally.requireMostly(mostly);
    }

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        String expected = "is not a date in the format " + format.format();
        return ColumnMap.judge(this, mostly, rows, value -> !value.isTextual() ? "is not a string"
                : format.matches(value.textValue()) ? null : expected, "not in the format " + format.format());
    }
}
