package dev.plumbline.validate.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.validate.ColumnValues;
import dev.plumbline.validate.ColumnVector;
import dev.plumbline.validate.Constraint;
import dev.plumbline.validate.ConstraintResult;
import java.util.List;
import java.util.Objects;

/**
 * {@code expect_column_value_lengths_to_be_between} and {@code expect_column_value_lengths_to_equal}: the
 * non-null values of the column are strings whose length in characters (Unicode code points, as Python counts)
 * is within inclusive bounds; either bound may be absent. As in Great Expectations a minimum above the
 * maximum is not refused: no value can meet it.
 */
public record LengthConstraint(String rule, String column, Integer minLength, Integer maxLength, double mostly)
        implements Constraint {

    public static final String BETWEEN = "expect_column_value_lengths_to_be_between";
    public static final String EQUAL = "expect_column_value_lengths_to_equal";

    public LengthConstraint {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(column, "column");
        if (minLength == null && maxLength == null) {
            throw new IllegalArgumentException("min_value or max_value is required");
        }
        Tally.requireMostly(mostly);
    }

    public static LengthConstraint equal(String column, int length, double mostly) {
        return new LengthConstraint(EQUAL, column, length, length, mostly);
    }

    @Override
    public ConstraintResult evaluate(List<JsonNode> rows) {
        ColumnVector values = ColumnValues.vector(rows, column);
        Tally tally = new Tally(this);
        tally.judgeNonNull(values, row -> values.kind(row) != ColumnVector.TEXT ? "is not a string"
                : problem(values.textSource(row).codePointCount(values.textStart(row), values.textEnd(row))));
        return tally.result(mostly, ColumnMap.summary(tally, "of another length than " + expected()));
    }

    private String problem(int length) {
        boolean tooShort = minLength != null && length < minLength;
        boolean tooLong = maxLength != null && length > maxLength;
        return tooShort || tooLong ? "has length " + length + ", expected " + expected() : null;
    }

    private String expected() {
        if (Objects.equals(minLength, maxLength)) {
            return String.valueOf(minLength);
        }
        if (minLength == null) {
            return "at most " + maxLength;
        }
        return maxLength == null ? "at least " + minLength : minLength + " to " + maxLength;
    }
}
